"""The verification environment's MLLP listener with real clients: python-hl7's mllp_send, and a SIGKILL while
several connections send, after which every message that got an ACK must be in the database (see run.sh)."""
import os
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time

import pytest

BINARY = os.environ["ANSLUT_BINARY"]
TEST_PNR = "189001019802"  # one of Skatteverket's test personnummer
REAL_PNR = "191212121212"  # valid, but no test number


def message(control, pnr=TEST_PNR, sender="DEMORIS"):
    return ("MSH|^~\\&|%s|DEMOHOSP|BFR|VGR|20261206101500||ADT^A08|%s|T|2.5|||||SE|UNICODE UTF-8\r"
            "EVN|A08|20261206\rPID|1||%s^^^&1.2.752.129.2.1.3.1&ISO^PI||Åberg^Märta||18900101|F\rPV1|1|O\r"
            % (sender, control, pnr))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, request):
    """`anslut demo` in a fresh data folder, its traffic committed with the durability the test names
    (ANSLUT_TRAFFIC_DURABILITY, default power-loss); yields (process, mllp port, data folder)."""
    durability = getattr(request, "param", "power-loss")
    http, mllp = free_port(), free_port()
    log = open(tmp_path / "server.log", "w")
    process = subprocess.Popen(
        [BINARY, "demo", "--port", str(http), "--mllp-port", str(mllp), "--dicom-port", "0"], cwd=os.environ["ANSLUT_REPO"],
        env={**os.environ, "ANSLUT_DATA_DIR": str(tmp_path), "LOG_FORMAT": "json", "ANSLUT_TRAFFIC_DURABILITY": durability}, stdout=log, stderr=log)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", mllp), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, open(tmp_path / "server.log").read()
            time.sleep(0.2)
    yield process, mllp, tmp_path
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def exchange(sock, text):
    sock.sendall(b"\x0b" + text.encode() + b"\x1c\x0d")
    data = b""
    while not data.endswith(b"\x1c\x0d"):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data[1:-2].decode("utf-8", "replace")


def test_mllp_send_gets_precise_acks(server, tmp_path):
    _, port, _ = server
    messages = tmp_path / "messages.hl7"
    # mllp_send --loose reads one message per line, segments separated by \r.
    messages.write_text(message("E2E1") + "\n" + message("E2E2", pnr=REAL_PNR) + "\n" + message("E2E3", sender="NOBODY") + "\n")
    out = subprocess.run(["mllp_send", "--loose", "-f", str(messages), "-p", str(port), "127.0.0.1"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    acks = [line for line in out.stdout.replace("\r", "\n").splitlines() if line.startswith("MSA|")]
    assert acks == ["MSA|AA|E2E1", "MSA|AE|E2E2", "MSA|AR|E2E3"], out.stdout
    assert "identity.real-personnummer" in out.stdout and "admission.unknown-sender" in out.stdout


# process-crash leaves the last commits unflushed in the write-ahead log: they survive SIGKILL (the operating system
# still writes them), which is all that setting promises.
@pytest.mark.parametrize("server", ["power-loss", "process-crash"], indirect=True)
def test_nothing_acknowledged_is_lost_on_sigkill(server):
    process, port, data = server
    acknowledged, lock, stop = set(), threading.Lock(), threading.Event()

    def sender(worker):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                for n in range(100000):
                    if stop.is_set():
                        return
                    control = "K%d-%d" % (worker, n)
                    ack = exchange(sock, message(control))
                    if re.search(r"\rMSA\|A[AE]\|%s(\r|\|)" % re.escape(control), ack):
                        with lock:
                            acknowledged.add(control)
        except (OSError, ConnectionError):
            return  # the server died under us: what was acknowledged before is what counts

    threads = [threading.Thread(target=sender, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert len(acknowledged) > 20, "too few messages were acknowledged before the kill to show anything"
    db = sqlite3.connect(str(data / "anslut.sqlite"))
    stored = {row[0] for row in db.execute("SELECT control_id FROM test_messages")}
    missing = acknowledged - stored
    print(f"\nSIGKILL after 3 s of 4 connections sending: {len(acknowledged)} acknowledged, {len(stored)} stored, "
          f"{len(missing)} acknowledged but missing")
    assert not missing
