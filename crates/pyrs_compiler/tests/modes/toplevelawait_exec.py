import asyncio
await asyncio.sleep(0)
async with lock:
    x = [y async for y in agen()]
async for z in agen():
    print(await z)
print({k: await v for k, v in items})
