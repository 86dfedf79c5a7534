"""Writes small test objects with pydicom, one per transfer syntax the listener accepts as it is, and prints
one line per file: its path, its transfer syntax UID and the storescu option that proposes that syntax.

    python3 make_objects.py FOLDER

The objects are built from scratch rather than taken from pydicom's samples so that dcmtk's storescu sends
their data sets unchanged (no group length elements, every value of even length): the receiving test can
then compare bytes. Compressed pixel data is a made-up fragment: the listener stores it as it is and never
decodes it.
"""
import os
import sys

import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import generate_uid

SYNTAXES = [
    ("1.2.840.10008.1.2", "-xi"),
    ("1.2.840.10008.1.2.1", "-xe"),
    ("1.2.840.10008.1.2.1.99", "-xd"),
    ("1.2.840.10008.1.2.4.50", "-xy"),
    ("1.2.840.10008.1.2.4.70", "-xs"),
    ("1.2.840.10008.1.2.4.80", "-xt"),
    ("1.2.840.10008.1.2.4.91", "-xw"),
    ("1.2.840.10008.1.2.5", "-xr"),
]


def make(folder, index, syntax):
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = generate_uid(prefix="1.2.826.0.1.3680043.10.1418.9.")
    ds.StudyDate = "20261122"
    ds.Modality = "CT"
    ds.PatientName = "Öberg^Åsa"
    ds.PatientID = "191212121212"
    ds.StudyInstanceUID = "1.2.752.24.7.1"
    ds.SeriesInstanceUID = "1.2.752.24.7.1.0"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 64
    ds.Columns = 64
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    encapsulated = syntax not in ("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99")
    if encapsulated:
        ds.PixelData = encapsulate([bytes(range(256)) * 8])
        ds["PixelData"].VR = "OB"
    else:
        ds.PixelData = bytes(index % 256 for index in range(64 * 64 * 2))
        ds["PixelData"].VR = "OW"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = syntax
    path = os.path.join(folder, f"object-{index}.dcm")
    ds.save_as(path, enforce_file_format=True)
    return path


folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for index, (syntax, option) in enumerate(SYNTAXES):
    print(make(folder, index, syntax), syntax, option)
