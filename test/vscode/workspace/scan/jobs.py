import time as t


async def tick():
    t.sleep(1)


async def tock():
    t.sleep(2)
