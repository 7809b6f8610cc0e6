"""The browser editor (`rysiai edit`): forms made from datapackage.yaml that save a record in place and commit it to git."""
