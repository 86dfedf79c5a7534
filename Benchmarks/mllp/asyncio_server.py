"""The baseline the issue names: a minimal Python asyncio MLLP server that only acknowledges.

Prints "port N" once listening on 127.0.0.1 (port 0 unless given), then answers every frame with a fixed
small ACK, as the Swift benchmark handler does.
"""
import asyncio
import sys

START, END = b"\x0b", b"\x1c\x0d"
ACK = (b"\x0bMSH|^~\\&|ANSLUT|VGR|RIS|SU|20260101120000||ACK^A08^ACK|ACK1|P|2.5\rMSA|AA|MSG1\r" + END)


class MLLPAcknowledger(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(END)
            if end < 0:
                return
            self.buffer = self.buffer[end + len(END):]
            self.transport.write(ACK)


async def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = await asyncio.get_running_loop().create_server(MLLPAcknowledger, "127.0.0.1", port)
    print("port", server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
