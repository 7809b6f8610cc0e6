"""The `rysiai` subcommands, one module per family; cli.py assembles them."""
