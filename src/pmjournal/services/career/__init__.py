"""Career outputs built from the snapshot: résumé bullets, weekly update, stories."""
