import asyncio


async def handler() -> None:
    await asyncio.sleep(1)
