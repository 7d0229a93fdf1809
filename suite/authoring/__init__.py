"""What analysts write, and its checks without a browser: the FAQ text and feature files as
read, step phrases and their vocabulary, the step catalogue, the old-phrase contract, dry run,
Gherkin lint.
"""
