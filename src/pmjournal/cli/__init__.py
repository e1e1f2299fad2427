"""The command-line front end, built on services only (PRODUCT.md, "Command-line contract")."""
