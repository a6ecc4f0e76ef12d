"""banli: Chinese deputy-suggestion and CPPCC-proposal handling reports as Arrow tables.

    >>> import banli, pyarrow as pa
    >>> tables = banli.run("corpus")          # a folder, a file, or a list of files
    >>> facts = pa.table(tables["facts"])     # or pl.DataFrame(...), pd.DataFrame.from_arrow(...)

`run(paths_or_folder, threads=None)` returns a dict of `banli.Table` (documents, facts, topics,
errors), each an Arrow record batch offered through the Arrow PyCapsule interface
(`__arrow_c_stream__`), so pyarrow, polars and pandas take the columns without copying them
through Python objects. The rows and values are those of the CSV tables of `banli run`, without
the CSV's spreadsheet quoting. `start` and `end` count characters (code points) of the decoded
original, as Python's str indexes. `text(path)` returns the normalised text extraction reads.
"""

from ._banli import Table, __version__, run, text

__all__ = ["Table", "run", "text", "__version__"]
