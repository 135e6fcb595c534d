"""Integrations with other libraries, each behind an optional extra.

* :mod:`newsparse.contrib.dask` (``pip install "newsparse[dask]"``): parse a Dask bag of
  texts or file paths into a bag of article dicts and write JSON Lines partitions.

Importing this package imports none of them; import the submodule you need.
"""
