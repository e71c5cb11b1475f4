import time


async def skipped():
    time.sleep(1)
