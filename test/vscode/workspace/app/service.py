"""Order service: the fixture of the real-VS-Code tests."""
import time

import pandas as pd


async def handler(request) -> dict:
    time.sleep(0.5)
    frame = pd.read_csv("orders.csv", sep=";")
    return {"rows": len(frame)}


async def poll(client) -> None:
    time.sleep(2)  # noqa: E501
    await client.get()


def report():
    print("done")
