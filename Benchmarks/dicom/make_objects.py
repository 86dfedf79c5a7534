#!/usr/bin/env python3
"""Writes COUNT CT-like Part 10 objects into FOLDER for the header-read benchmark (run.sh).

Each is pydicom's CT_small.dcm (a real CT header of ~230 elements, private groups included, and 128x128
16-bit pixel data) with its own UIDs, a Swedish patient in ISO_IR 100, an accession number and an issuer
qualifiers sequence, so every field the checks read is present and no two files are alike.
Usage: make_objects.py FOLDER [COUNT]
"""
import os
import sys

import pydicom
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.uid import generate_uid

FIRST_NAMES = ["Åsa", "Örjan", "Märta", "Göran", "Ärla", "Per"]
LAST_NAMES = ["Öberg", "Åström", "Lindqvist", "Bäckström", "Sjögren", "Ek"]


def main(folder, count):
    os.makedirs(folder, exist_ok=True)
    template = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    study = generate_uid()
    series = generate_uid()
    for index in range(count):
        ds = template.copy()
        if index % 50 == 0:
            study, series = generate_uid(), generate_uid()
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.PatientName = f"{LAST_NAMES[index % 6]}^{FIRST_NAMES[index // 6 % 6]}"
        ds.PatientID = f"19{index % 90 + 10:02d}0101{index % 10000:04d}"
        ds.IssuerOfPatientID = "SE-PNR"
        qualifier = Dataset()
        qualifier.UniversalEntityID = "1.2.752.129.2.1.3.1"
        qualifier.UniversalEntityIDType = "ISO"
        ds.IssuerOfPatientIDQualifiersSequence = [qualifier]
        ds.AccessionNumber = f"RIS{index // 50:08d}"
        ds.InstitutionName = "Sahlgrenska Universitetssjukhuset"
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = index % 50 + 1
        ds.save_as(os.path.join(folder, f"ct{index:05d}.dcm"), enforce_file_format=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
