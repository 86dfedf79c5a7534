"""Writes one CT object with MEGABYTES of native pixel data (Explicit VR Little Endian) to PATH, for the
large-object test; the pixel bytes repeat 0..250 so that a misplaced fragment shows in a comparison.

    python3 make_large_object.py PATH MEGABYTES
"""
import sys

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

path, megabytes = sys.argv[1], int(sys.argv[2])
size = megabytes * 1_000_000
ds = Dataset()
ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
ds.SOPInstanceUID = "1.2.826.0.1.3680043.10.1418.7.200"
ds.Modality = "CT"
ds.PatientID = "191212121212"
ds.Rows = 10000
ds.Columns = size // 20000
ds.BitsAllocated = 16
ds.PixelData = (bytes(range(251)) * (size // 251 + 1))[:size]
ds["PixelData"].VR = "OW"
ds.file_meta = FileMetaDataset()
ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds.save_as(path, enforce_file_format=True)
print(path, ds.SOPInstanceUID)
