"""Writing the records in other formats."""
