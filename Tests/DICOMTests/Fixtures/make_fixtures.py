#!/usr/bin/env python3
"""Writes the DICOM fixtures of DICOMTests and what pydicom reads from them (expected.json).

Most fixtures are pydicom's own small test files, one per transfer syntax or shape the reader must handle;
two are made here with Swedish names. expected.json is the cross-check: the Swift tests read each file and
compare their values with pydicom's. Run from anywhere: python3 make_fixtures.py (needs pydicom 3).
"""
import json
import os
import shutil

import pydicom
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))
CHARSETS = os.path.join(os.path.dirname(pydicom.data.__file__), "charset_files")

COPIED = {
    "CT_small.dcm": get_testdata_file("CT_small.dcm"),  # Explicit VR LE, ISO_IR 100, native pixels
    "MR_small_implicit.dcm": get_testdata_file("MR_small_implicit.dcm"),  # Implicit VR LE
    "MR_small_bigendian.dcm": get_testdata_file("MR_small_bigendian.dcm"),  # Explicit VR BE
    "image_dfl.dcm": get_testdata_file("image_dfl.dcm"),  # Deflated Explicit VR LE
    "JPEG2000.dcm": get_testdata_file("JPEG2000.dcm"),  # encapsulated pixel data
    "SC_rgb_rle.dcm": get_testdata_file("SC_rgb_rle.dcm"),  # RLE, ISO_IR 192
    "test-SR.dcm": get_testdata_file("test-SR.dcm"),  # nested undefined-length sequences
    "chrFren.dcm": os.path.join(CHARSETS, "chrFren.dcm"),  # ISO_IR 100
    "chrX1.dcm": os.path.join(CHARSETS, "chrX1.dcm"),  # ISO_IR 192
    "chrSQEncoding.dcm": os.path.join(CHARSETS, "chrSQEncoding.dcm"),  # character set inside an item
}


def swedish(name, charset, syntax, implicit):
    """A small CT-like object with a Swedish name and an issuer qualifiers sequence, no pixel data."""
    ds = Dataset()
    ds.SpecificCharacterSet = charset
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = "1.2.752.24.7.1.1"
    ds.StudyDate = "20261122"
    ds.AccessionNumber = "RIS12345"
    ds.Modality = "CT"
    ds.InstitutionName = "Sahlgrenska Universitetssjukhuset, Göteborg"
    ds.PatientName = "Öberg^Åsa"
    ds.PatientID = "191212121212"
    ds.IssuerOfPatientID = "SE-PNR"
    qualifier = Dataset()
    qualifier.UniversalEntityID = "1.2.752.129.2.1.3.1"
    qualifier.UniversalEntityIDType = "ISO"
    ds.IssuerOfPatientIDQualifiersSequence = [qualifier]
    ds.StudyInstanceUID = "1.2.752.24.7.1"
    ds.SeriesInstanceUID = "1.2.752.24.7.1.0"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = syntax
    ds.save_as(os.path.join(HERE, name), enforce_file_format=True, implicit_vr=implicit, little_endian=True)


def text(value):
    return None if value is None else str(value)


def expected(path):
    ds = pydicom.dcmread(path)
    header = pydicom.dcmread(path, stop_before_pixels=True)
    pixel = ds.get((0x7FE0, 0x0010))
    return {
        "transferSyntaxUID": str(ds.file_meta.TransferSyntaxUID),
        "mediaStorageSOPInstanceUID": text(ds.file_meta.get("MediaStorageSOPInstanceUID")),
        "patientName": text(ds.get("PatientName")),
        "patientID": text(ds.get("PatientID")),
        "studyInstanceUID": text(ds.get("StudyInstanceUID")),
        "seriesInstanceUID": text(ds.get("SeriesInstanceUID")),
        "sopInstanceUID": text(ds.get("SOPInstanceUID")),
        "sopClassUID": text(ds.get("SOPClassUID")),
        "modality": text(ds.get("Modality")),
        "studyDate": text(ds.get("StudyDate")),
        "rows": ds.get("Rows"),
        "topLevelTagsBeforePixelData": [int(tag) for tag in header.keys()],
        "pixelDataIsEncapsulated": None if pixel is None else pixel.is_undefined_length,
    }


if __name__ == "__main__":
    for name, source in COPIED.items():
        shutil.copyfile(source, os.path.join(HERE, name))
    swedish("swedish_latin1_explicit.dcm", "ISO_IR 100", ExplicitVRLittleEndian, False)
    swedish("swedish_utf8_implicit.dcm", "ISO_IR 192", ImplicitVRLittleEndian, True)
    names = sorted(name for name in os.listdir(HERE) if name.endswith(".dcm"))
    with open(os.path.join(HERE, "expected.json"), "w") as out:
        json.dump({name: expected(os.path.join(HERE, name)) for name in names}, out, indent=1, ensure_ascii=False)
        out.write("\n")
