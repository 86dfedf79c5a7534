#!/usr/bin/env bash
# DICOM header-read throughput (BENCHMARKS.md): makes a folder of CT-like objects (make_objects.py, once),
# builds dicom-bench in release and runs it pinned to one core, then times the peers on the same files in
# the same run: pydicom dcmread(stop_before_pixels=True) in-process, and one dcmdump call over all files.
# Prints files per CPU second and per wall second for each, and the ratios of the CPU figures: the machine
# is shared, and CPU time is what each reader costs whatever else runs.
# FOLDER=path chooses the folder (default /tmp/anslut-dicom-bench); COUNT=n the number of files (1000).
# SCRATCH=path passes --scratch-path to swift build (default: the package's .build).
set -euo pipefail
cd "$(dirname "$0")/../.."

folder="${FOLDER:-/tmp/anslut-dicom-bench}"
count="${COUNT:-1000}"
if [ "$(find "$folder" -name '*.dcm' 2>/dev/null | wc -l)" -ne "$count" ]; then
    rm -rf "$folder"
    python3 Benchmarks/dicom/make_objects.py "$folder" "$count"
fi

build=(swift build -c release -j 1 --product dicom-bench)
[ -n "${SCRATCH:-}" ] && build+=(--scratch-path "$SCRATCH")
"${build[@]}" >/dev/null
binary="$("${build[@]}" --show-bin-path)/dicom-bench"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
taskset -c 0 "$binary" "$folder" | tee "$work/swift.txt"
swift_rate=$(awk '$1 == "swift-header-from-disk" { print $2 }' "$work/swift.txt")  # per CPU second

read -r pydicom_rate pydicom_wall < <(taskset -c 0 python3 - "$folder" <<'PY'
import os, sys, time
import pydicom
folder = sys.argv[1]
paths = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".dcm"))
def fields(path):
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    qualifiers = ds.get("IssuerOfPatientIDQualifiersSequence") or [None]
    values = [ds.get("PatientID"), ds.get("IssuerOfPatientID"), qualifiers[0] and qualifiers[0].get("UniversalEntityID"),
              qualifiers[0] and qualifiers[0].get("UniversalEntityIDType"), ds.get("PatientName"),
              ds.get("StudyInstanceUID"), ds.get("SeriesInstanceUID"), ds.get("SOPInstanceUID"), ds.get("SOPClassUID"),
              ds.get("AccessionNumber"), ds.get("InstitutionName"), ds.get("Modality"), ds.get("StudyDate"),
              ds.file_meta.TransferSyntaxUID, ds.file_meta.MediaStorageSOPClassUID,
              ds.file_meta.MediaStorageSOPInstanceUID, ds.get("SpecificCharacterSet")]
    return sum(len(str(value)) for value in values if value is not None)
files, start, cpu_start = 0, time.perf_counter(), time.process_time()
while time.perf_counter() - start < 3:
    for path in paths:
        fields(path)
    files += len(paths)
print(int(files / (time.process_time() - cpu_start)), int(files / (time.perf_counter() - start)))
PY
)
echo "pydicom-stop-before-pixels $pydicom_rate files/cpu-s $pydicom_wall files/s (in-process loop, same fields)"

if command -v dcmdump >/dev/null; then
    # One dcmdump call over every file, best of three; it parses the whole header and prints it.
    best_cpu="" best_wall=""
    for _ in 1 2 3; do
        read -r wall cpu < <(cd "$folder" && /usr/bin/env time -f "%e %U %S" taskset -c 0 dcmdump -q ./*.dcm 2>&1 >/dev/null \
            | awk 'END { print $1, $2 + $3 }')
        if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc -l)" -eq 1 ]; then best_cpu=$cpu best_wall=$wall; fi
    done
    dcmdump_rate=$(echo "$count / $best_cpu" | bc -l | cut -d. -f1)
    echo "dcmdump $dcmdump_rate files/cpu-s $(echo "$count / $best_wall" | bc -l | cut -d. -f1) files/s (one call over all files, best of 3)"
    echo "ratio swift/dcmdump $(echo "scale=1; $swift_rate / $dcmdump_rate" | bc -l)x"
else
    echo "dcmdump: not installed (apt-get install dcmtk), comparison skipped"
fi
echo "ratio swift/pydicom $(echo "scale=1; $swift_rate / $pydicom_rate" | bc -l)x"
