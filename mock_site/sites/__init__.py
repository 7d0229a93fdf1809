"""One blueprint per site."""
