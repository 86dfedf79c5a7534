"""pynetdicom as a modality against anslut's verification environment; prints one JSON object with what it saw.

    python3 pynetdicom_product.py PORT CALLING NAME...   # C-ECHO, then C-STORE of each of pydicom's sample files
    python3 pynetdicom_product.py reject PORT CALLING    # an association that should be refused

NAME is a sample file pydicom ships (get_testdata_file). Each is sent from its path, so its data set goes out
byte for byte in the transfer syntax it was written in; one presentation context is proposed per (SOP class,
transfer syntax) the files have.
"""
import json
import sys

from pydicom import dcmread
from pydicom.data import get_testdata_file
from pynetdicom import AE
from pynetdicom.sop_class import Verification


def rejection(assoc):
    if not assoc.is_rejected:
        return {"rejected": False, "established": assoc.is_established, "aborted": assoc.is_aborted}
    primitive = assoc.acceptor.primitive
    return {
        "rejected": True,
        "result": int(primitive.result),
        "source": int(primitive.result_source),
        "reason": int(primitive.diagnostic),
    }


def send(port, calling, names):
    paths = [get_testdata_file(name) for name in names]
    missing = [name for name, path in zip(names, paths) if path is None]
    if missing:
        raise SystemExit(f"pydicom does not ship {missing}")
    ae = AE(ae_title=calling)
    ae.add_requested_context(Verification)
    headers = [dcmread(path, stop_before_pixels=True) for path in paths]
    for pair in sorted({(h.SOPClassUID, h.file_meta.TransferSyntaxUID) for h in headers}):
        ae.add_requested_context(pair[0], [pair[1]])
    assoc = ae.associate("127.0.0.1", port, ae_title="ANSLUT")
    if not assoc.is_established:
        return {"established": False, **rejection(assoc)}
    echo = assoc.send_c_echo()
    stores = []
    for name, path, header in zip(names, paths, headers):
        status = assoc.send_c_store(path)
        stores.append({
            "name": name,
            "uid": str(header.SOPInstanceUID),
            "transferSyntax": str(header.file_meta.TransferSyntaxUID),
            "status": int(status.Status) if status else None,
        })
    assoc.release()
    return {"established": True, "echo": int(echo.Status) if echo else None, "stores": stores}


def reject(port, calling):
    ae = AE(ae_title=calling)
    ae.add_requested_context(Verification)
    return rejection(ae.associate("127.0.0.1", port, ae_title="ANSLUT"))


if __name__ == "__main__":
    if sys.argv[1] == "reject":
        print(json.dumps(reject(int(sys.argv[2]), sys.argv[3])))
    else:
        print(json.dumps(send(int(sys.argv[1]), sys.argv[2], sys.argv[3:])))
