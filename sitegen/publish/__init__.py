"""Stage 4: the files a reader downloads, metadata for harvesters, assets, chart images and MkDocs."""
