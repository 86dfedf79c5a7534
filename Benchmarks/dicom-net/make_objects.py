"""Writes COUNT CT images of 512x512 16-bit pixels (Explicit VR Little Endian, about 512 KiB each) for the
network benchmark.

    python3 make_objects.py FOLDER COUNT
"""
import os
import sys

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder, exist_ok=True)
pixels = bytes(range(256)) * (512 * 512 * 2 // 256)
# Fixed UIDs under the test root, short enough for an instance number on the end (UIDs hold 64 characters).
study = "1.2.826.0.1.3680043.10.1418.6.1"
series = "1.2.826.0.1.3680043.10.1418.6.1.1"
for index in range(count):
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = f"{series}.{index + 1}"
    ds.StudyDate = "20261122"
    ds.Modality = "CT"
    ds.PatientName = "Öberg^Åsa"
    ds.PatientID = "191212121212"
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.InstanceNumber = index + 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 512
    ds.Columns = 512
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelData = pixels
    ds["PixelData"].VR = "OW"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.save_as(os.path.join(folder, f"ct-{index:05d}.dcm"), enforce_file_format=True)
