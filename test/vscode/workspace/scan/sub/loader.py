import pandas


def load(path: str) -> "pandas.DataFrame":
    return pandas.read_csv(path)
