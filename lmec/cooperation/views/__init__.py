"""Pages of the cooperation app, one module per part."""
