#!/usr/bin/env python3
"""Writes a benchmark file of realistic Swedish HL7 v2.5 messages, one after another.

Layout: segments end with CR (0x0D) as HL7 requires; after each message comes a LF (0x0A), except every
seventh message, which is followed directly by the next MSH (so a message then ends in CR only). The file is
UTF-8 and every message declares MSH-18 = UNICODE UTF-8. Message types are mixed: ADT^A01/A04/A08/A31/A40/A47,
ORM^O01, OMI^O23, ORU^R01 (with several OBX), MDM^T02. PID-3 carries a personnummer or samordningsnummer as
CX with the Skatteverket OIDs (``191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN``), often followed by a local
RIS identifier. Values contain å ä ö and a few escapes (``\\T\\``, ``\\.br\\``, ``\\S\\``).

Usage: generate.py OUTPUT [COUNT] [SEED] [--clean]

The default file is production-like traffic and draws about 3.8 findings a message from the BFR profile's checks
(MSH-11 P, real personnummer, a RIS number under VGR's reservnummer OID, segments the profile does not list, an empty
TXA-12). With --clean the same kinds of message are written as a sender that passes would send them (MSH-11 T,
Skatteverket's test personnummer, the RIS number under its namespace only, no unlisted segments, TXA-12 filled), to
time the checks on traffic that draws no findings; the default output is unchanged by the option.
"""
import os
import random
import sys

FIRST = ["Åsa", "Björn", "Märta", "Göran", "Örjan", "Linnéa", "Håkan", "Sören", "Ingrid", "Åke", "Karl", "Maja",
         "Elsa", "Olle", "Tove", "Jönsson", "Agnes", "Ture", "Signe", "Nils"]
LAST = ["Andersson", "Öberg", "Åström", "Bäckström", "Lindqvist", "Nyström", "Sjögren", "Ekström", "Holmgren",
        "Håkansson", "Löfgren", "Ström", "Wikström", "Sandberg", "Fältskog", "Järvinen"]
STREETS = ["Storgatan", "Drottninggatan", "Kungsgatan", "Västra Hamngatan", "Ågatan", "Östra Långgatan",
           "Skärgårdsvägen", "Björkvägen"]
CITIES = [("GÖTEBORG", "41319"), ("STOCKHOLM", "11122"), ("MALMÖ", "21145"), ("UMEÅ", "90326"),
          ("JÖNKÖPING", "55318"), ("VÄSTERÅS", "72215"), ("ÖREBRO", "70210"), ("LULEÅ", "97231")]
UNITS = ["Röntgen Sahlgrenska", "Akutmottagning Östra", "Mammografi Mölndal", "Barnröntgen Drottning Silvia",
         "Neuroradiologi", "Ortopedmottagning Kungälv"]
EXAMS = [("XR-THX", "Lungor frontal och sida"), ("CT-HJ", "DT hjärna utan kontrast"),
         ("MR-KNÄ", "MR knä höger"), ("US-BUK", "Ultraljud buk övre"), ("MG-SCR", "Mammografi screening"),
         ("CT-THX", "DT thorax med kontrast")]
FINDINGS = ["Inga tecken på pneumoni.", "Normal hjärtstorlek.", "Ingen pleuravätska.",
            "Lätt förtätning basalt höger, kontroll rekommenderas.", "Inga färska skelettförändringar.",
            "Ålderskonforma förändringar.", "Jämfört med föregående undersökning oförändrat.",
            "Ingen blödning, ingen expansivitet.", "Menisk med ruptur i bakre hornet.",
            "Levern har normal storlek och ekostruktur."]


def luhn_digit(digits):
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value // 10 + value % 10
    return str((10 - total % 10) % 10)


CLEAN = False
TEST_NUMBERS = []


def person_id(rng):
    if CLEAN and rng.random() < 0.85:
        number = rng.choice(TEST_NUMBERS)
        return number, "1.2.752.129.2.1.3.1", number[:8], int(number[10]) % 2
    year = rng.randint(1930, 2023)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    coordination = CLEAN or rng.random() < 0.15
    if coordination:
        day += 60
    serial = f"{rng.randint(1 if CLEAN else 0, 999):03d}"
    body = f"{year % 100:02d}{month:02d}{day:02d}{serial}"
    number = f"{year}{month:02d}{day:02d}{serial}{luhn_digit(body)}"
    oid = "1.2.752.129.2.1.3.3" if coordination else "1.2.752.129.2.1.3.1"
    return number, oid, f"{year}{month:02d}{day:02d}", int(serial[2]) % 2


def timestamp(rng):
    return f"2026{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"


def msh(rng, number, code, event, structure):
    return (f"MSH|^~\\&|{rng.choice(['TakeCare', 'Melior', 'Cosmic', 'RIS'])}|{rng.choice(['SU', 'KS', 'SUS', 'NUS'])}"
            f"|BFR|VGR|{timestamp(rng)}||{code}^{event}^{structure}|MSG{number:08d}|{'T' if CLEAN else 'P'}|2.5.1|||AL|NE|SWE|UNICODE UTF-8")


def pid(rng):
    number, oid, birth, odd = person_id(rng)
    cx = f"{number}^^^&{oid}&ISO^PN"
    if rng.random() < 0.6:
        authority = "RIS" if CLEAN else "RIS&1.2.752.113.11.0.2.1.1.1&ISO"
        cx += f"~{rng.randint(100000, 999999)}^^^{authority}^PI"
    first, last = rng.choice(FIRST), rng.choice(LAST)
    street, (city, postcode) = rng.choice(STREETS), rng.choice(CITIES)
    return (f"PID|1||{cx}||{last}^{first}^{rng.choice(FIRST)}^^^^L||{birth}|{'M' if odd else 'F'}|||"
            f"{street} {rng.randint(1, 120)}^^{city}^^{postcode}^SE^H||+4631{rng.randint(100000, 999999)}^PRN^PH~"
            f"^NET^Internet^{first.lower()}.{last.lower()}@example.se||sv^Svenska|||||||||||||||N"), number, oid


def pv1(rng):
    doctor = f"SE2321000131-{rng.randint(1000, 9999)}^{rng.choice(LAST)}^{rng.choice(FIRST)}^^^Dr"
    return (f"PV1|1|{rng.choice(['I', 'O', 'E'])}|{rng.choice(UNITS)}^{rng.randint(1, 40)}^{rng.randint(1, 4)}^VGR"
            f"||||{doctor}|{doctor}||RAD||||||||V{rng.randint(1000000, 9999999)}^^^VGR&1.2.752.113.11&ISO^VN"
            f"|||||||||||||||||||||||||{timestamp(rng)}")


def pv2(rng):
    return (f"PV2|||{rng.choice(FINDINGS)}^Inskrivningsorsak||||||{timestamp(rng)}|{rng.randint(1, 14)}|||||||||||||||||"
            f"{rng.choice(UNITS)}")


def adt(rng, number, event):
    structure = {"A40": "ADT_A39", "A47": "ADT_A30", "A04": "ADT_A01", "A08": "ADT_A01", "A31": "ADT_A05"}.get(event, "ADT_A01")
    pid_segment, _, _ = pid(rng)
    segments = [msh(rng, number, "ADT", event, structure), f"EVN|{event}|{timestamp(rng)}|||{rng.choice(LAST)}^{rng.choice(FIRST)}",
                pid_segment]
    if event in ("A40", "A47"):
        old, old_oid, _, _ = person_id(rng)
        segments += [f"PD1|||{rng.choice(UNITS)}^^{rng.randint(10000, 99999)}",
                     f"MRG|{old}^^^&{old_oid}&ISO^PN|||{old}^^^&{old_oid}&ISO^PN",
                     f"NTE|1||Identitet ändrad: {old} ersätts, reservnummer avslutat",
                     pv1(rng)]
    else:
        segments += [f"PD1|||{rng.choice(UNITS)}^^{rng.randint(10000, 99999)}",
                     f"NK1|1|{rng.choice(LAST)}^{rng.choice(FIRST)}|SPO^Make/maka^HL70063|{rng.choice(STREETS)} 3^^{rng.choice(CITIES)[0]}|+46701234567",
                     f"NK1|2|{rng.choice(LAST)}^{rng.choice(FIRST)}|CHD^Barn^HL70063|{rng.choice(STREETS)} 8^^{rng.choice(CITIES)[0]}|+46709876543",
                     pv1(rng),
                     pv2(rng),
                     f"ROL|1|AD|PP^Primärvårdsläkare^HL70443|SE2321000131-{rng.randint(1000, 9999)}^{rng.choice(LAST)}^{rng.choice(FIRST)}",
                     f"OBX|1|NM|29463-7^Kroppsvikt^LN||{rng.randint(3, 120)}|kg^kilogram^UCUM|||||F",
                     f"AL1|1|DA|^Penicillin^L|MO|Utslag \\T\\ klåda",
                     f"DG1|1||J18.9^Pneumoni, ospecificerad^ICD-10-SE||{timestamp(rng)}|A",
                     f"IN1|1|REG^Regional^L|232100-0131|Västra Götalandsregionen"]
    if CLEAN:
        # Only the segments the profile lists for the event.
        unlisted = ("NTE", "ROL", "IN1") + (("DG1",) if event == "A31" else ())
        segments = [segment for segment in segments if not segment.startswith(unlisted)]
    return segments


def order_segments(rng):
    code, text = rng.choice(EXAMS)
    placer = f"{rng.randint(1000000, 9999999)}^TakeCare"
    orc = f"ORC|NW|{placer}|||SC||^^^{timestamp(rng)}^^R||{timestamp(rng)}|{rng.choice(LAST)}^{rng.choice(FIRST)}|||{rng.choice(UNITS)}"
    obr = (f"OBR|1|{placer}||{code}^{text}^SE-RAD|||{timestamp(rng)}|||||||||SE2321000131-{rng.randint(1000, 9999)}"
           f"^{rng.choice(LAST)}^{rng.choice(FIRST)}||{rng.randint(10000, 99999)}|||||||{rng.choice(['CR', 'CT', 'MR', 'US'])}|||^^^^^R")
    return orc, obr


def orm(rng, number):
    pid_segment, _, _ = pid(rng)
    orc, obr = order_segments(rng)
    return [msh(rng, number, "ORM", "O01", "ORM_O01"), pid_segment, pv1(rng), orc, obr,
            f"NTE|1||Frågeställning: {rng.choice(FINDINGS)}\\.br\\Anamnes: hosta sedan två veckor, feber.",
            f"NTE|2||{rng.choice(FINDINGS)} {rng.choice(FINDINGS)}",
            f"OBX|1|ST|KREA^Kreatinin^L||{rng.randint(40, 140)}|umol/L|||||F",
            f"DG1|1||R05^Hosta^ICD-10-SE"]


def omi(rng, number):
    pid_segment, _, _ = pid(rng)
    orc, obr = order_segments(rng)
    return [msh(rng, number, "OMI", "O23", "OMI_O23"), pid_segment, pv1(rng), orc,
            f"TQ1|1||||||{timestamp(rng)}||R", obr,
            f"NTE|1||Patienten är klaustrofobisk\\S\\behöver lugnande.",
            f"OBX|1|ST|KREA^Kreatinin^L||{rng.randint(40, 140)}|umol/L|||||F",
            f"OBX|2|TX|ANAM^Anamnes^L||{rng.choice(FINDINGS)}\\.br\\{rng.choice(FINDINGS)}||||||F",
            f"IPC|1.2.752.24.{rng.randint(10**8, 10**9)}|1.2.752.24.{rng.randint(10**8, 10**9)}.1|1.2.752.24.{rng.randint(10**8, 10**9)}.2|{rng.choice(['CT', 'MR'])}"]


def oru(rng, number):
    pid_segment, _, _ = pid(rng)
    orc, obr = order_segments(rng)
    segments = [msh(rng, number, "ORU", "R01", "ORU_R01"), pid_segment, orc, obr]
    for index in range(1, rng.randint(6, 10)):
        segments.append(f"OBX|{index}|TX|{obr.split('|')[4]}||{rng.choice(FINDINGS)} {rng.choice(FINDINGS)}||||||F|||{timestamp(rng)}")
    return segments


def mdm(rng, number):
    pid_segment, _, _ = pid(rng)
    segments = [msh(rng, number, "MDM", "T02", "MDM_T02"), f"EVN|T02|{timestamp(rng)}", pid_segment, pv1(rng),
                f"TXA|1|RAD^Röntgenutlåtande|TX|{timestamp(rng)}|{rng.choice(LAST)}^{rng.choice(FIRST)}||||||"
                f"{'|' if CLEAN else ''}DOC{number}^RIS||||||AU||AV"]
    for index in range(1, rng.randint(5, 9)):
        segments.append(f"OBX|{index}|TX|RAD^Utlåtande||{rng.choice(FINDINGS)}\\.br\\{rng.choice(FINDINGS)}||||||F")
    return segments


def message(rng, number):
    kind = rng.choice(["A01", "A04", "A08", "A31", "A40", "A47", "ORM", "OMI", "ORU", "MDM"])
    if kind == "ORM":
        return orm(rng, number)
    if kind == "OMI":
        return omi(rng, number)
    if kind == "ORU":
        return oru(rng, number)
    if kind == "MDM":
        return mdm(rng, number)
    return adt(rng, number, kind)


def main():
    global CLEAN
    arguments = [argument for argument in sys.argv[1:] if argument != "--clean"]
    if len(arguments) < len(sys.argv) - 1:
        CLEAN = True
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "..", "..", "Sources", "Domain", "Resources", "skatteverket-testpersonnummer.txt")
        with open(path) as numbers:
            TEST_NUMBERS.extend(line.strip() for line in numbers if len(line.strip()) == 12 and line.strip().isdigit())
    output = arguments[0]
    count = int(arguments[1]) if len(arguments) > 1 else 100_000
    rng = random.Random(int(arguments[2]) if len(arguments) > 2 else 20260101)
    with open(output, "wb") as file:
        for number in range(count):
            text = "\r".join(message(rng, number)) + "\r"
            file.write(text.encode("utf-8"))
            if number % 7 != 6:
                file.write(b"\n")


if __name__ == "__main__":
    main()
