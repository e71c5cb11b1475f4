import time


async def work(job):
    time.sleep(job.delay)
