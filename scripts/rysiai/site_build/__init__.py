"""The site build: the mkdocs plugin (glue), `rysiai build` and `rysiai serve`, the files to
download beside the pages, and the search index."""
