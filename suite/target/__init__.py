"""Where the suite points: the four sites of a named environment (sites.py, environments.toml)
and what the suite relies on there (profiles.py, profiles/*.toml). The one part of suite/ that
pages/ may import.
"""
