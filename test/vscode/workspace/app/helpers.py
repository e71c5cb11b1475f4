import time


def load():
    time.sleep(1)
    return 1


async def handler():
    return load()
