"""A pynetdicom peer for the listener's tests; prints one JSON object with what it saw.

    python3 pynetdicom_client.py associate PORT CALLING CALLED
    python3 pynetdicom_client.py limit PORT COUNT          # opens COUNT associations and holds them
    python3 pynetdicom_client.py contexts PORT
    python3 pynetdicom_client.py store PORT CALLING MAX_PDU FOLDER COUNT PIXEL_BYTES

`store` writes COUNT CT objects with pydicom into FOLDER (Explicit VR Little Endian) and sends each from its
file, so the data set goes out byte for byte as written, fragmented to the listener's maximum PDU length
while this side announces MAX_PDU for what it receives.
"""
import json
import os
import sys

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid
from pynetdicom import AE
from pynetdicom.sop_class import CTImageStorage, Verification

CT = "1.2.840.10008.5.1.4.1.1.2"
UNSUPPORTED = "1.2.826.0.1.3680043.10.1418.99.1"


def association_outcome(assoc):
    if assoc.is_established:
        return {"established": True}
    if assoc.is_rejected:
        primitive = assoc.acceptor.primitive
        return {
            "established": False,
            "rejected": True,
            "result": int(primitive.result),
            "source": int(primitive.result_source),
            "reason": int(primitive.diagnostic),
        }
    return {"established": False, "rejected": False, "aborted": assoc.is_aborted}


def associate(port, calling, called):
    ae = AE(ae_title=calling)
    ae.add_requested_context(Verification)
    assoc = ae.associate("127.0.0.1", port, ae_title=called)
    outcome = association_outcome(assoc)
    if assoc.is_established:
        status = assoc.send_c_echo()
        outcome["echo"] = int(status.Status) if status else None
        assoc.release()
    return outcome


def limit(port, count):
    ae = AE(ae_title="LIMITSCU")
    ae.add_requested_context(Verification)
    held, outcomes = [], []
    for _ in range(count):
        assoc = ae.associate("127.0.0.1", port, ae_title="ANSLUT")
        outcomes.append(association_outcome(assoc))
        if assoc.is_established:
            held.append(assoc)
    for assoc in held:
        assoc.release()
    return {"associations": outcomes}


def contexts(port):
    ae = AE(ae_title="CONTEXTSCU")
    ae.add_requested_context(CT, ExplicitVRLittleEndian)
    ae.add_requested_context(UNSUPPORTED, ExplicitVRLittleEndian)
    ae.add_requested_context(Verification, ImplicitVRLittleEndian)
    ae.add_requested_context(CT, "1.2.840.10008.1.2.2")  # Explicit VR Big Endian, retired and not accepted
    assoc = ae.associate("127.0.0.1", port, ae_title="ANSLUT")
    outcome = association_outcome(assoc)
    if assoc.is_established:
        every = assoc.accepted_contexts + assoc.rejected_contexts
        outcome["contexts"] = sorted(
            ({"id": c.context_id, "abstract": c.abstract_syntax, "result": int(c.result),
              "transfer": c.transfer_syntax[0] if c.result == 0 else None} for c in every),
            key=lambda c: c["id"])
        status = assoc.send_c_echo()
        outcome["echo"] = int(status.Status) if status else None
        assoc.release()
    return outcome


def write_object(folder, index, pixel_bytes):
    ds = Dataset()
    ds.SOPClassUID = CT
    ds.SOPInstanceUID = generate_uid(prefix="1.2.826.0.1.3680043.10.1418.8.")
    ds.Modality = "CT"
    ds.PatientID = "191212121212"
    ds.InstanceNumber = index
    ds.PixelData = bytes(i % 251 for i in range(pixel_bytes))
    ds["PixelData"].VR = "OB"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = CT
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    path = os.path.join(folder, f"sent-{index}.dcm")
    ds.save_as(path, enforce_file_format=True)
    return path, ds.SOPInstanceUID


def store(port, calling, max_pdu, folder, count, pixel_bytes):
    os.makedirs(folder, exist_ok=True)
    ae = AE(ae_title=calling)
    ae.maximum_pdu_size = max_pdu
    ae.add_requested_context(CT, ExplicitVRLittleEndian)
    assoc = ae.associate("127.0.0.1", port, ae_title="ANSLUT")
    outcome = association_outcome(assoc)
    if assoc.is_established:
        outcome["stores"] = []
        for index in range(count):
            path, uid = write_object(folder, index, pixel_bytes)
            status = assoc.send_c_store(path)
            outcome["stores"].append(
                {"path": path, "uid": uid, "status": int(status.Status) if status else None})
        outcome["peer_max_pdu"] = assoc.acceptor.maximum_length
        assoc.release()
    return outcome


mode, port = sys.argv[1], int(sys.argv[2])
if mode == "associate":
    result = associate(port, sys.argv[3], sys.argv[4])
elif mode == "limit":
    result = limit(port, int(sys.argv[3]))
elif mode == "contexts":
    result = contexts(port)
elif mode == "store":
    result = store(port, sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), int(sys.argv[7]))
else:
    sys.exit(f"unknown mode {mode}")
print(json.dumps(result))
