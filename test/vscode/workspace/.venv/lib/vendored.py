import time


async def vendored():
    time.sleep(1)
