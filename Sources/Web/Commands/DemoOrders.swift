/// Filled-in orders for the demo cases: what a care provider's project manager would write.
enum DemoOrders {
    /// `risky` answers as an order the coordinator should look twice at: manual personnummer entry, no test environment.
    /// `proposal`: the applicant's proposed scores for lagkrav, patientsäkerhet, verksamhetsnytta and ökad
    /// informationssäkerhet.
    static func bfr(system: String, risky: Bool = false, employees: Int = 320, proposal: [Int] = [0, 3, 3, 2]) -> [String: String] {
        prioritisation(employees: employees, proposal: proposal).merging([
            "organisation": "Vårdgivaren AB, Röntgen Skaraborg", "organisation_id": "556559-4230",
            "address": "Storgatan 1\n541 30 Skövde", "invoice_address": "Vårdgivaren AB\nFE 123\n105 69 Stockholm",
            "invoice_reference": "RÖNT-4711", "plexus_reference": "PLX-2026-118",
            "pub_agreement": "ja", "sjf_agreement": "ja",
            "project_manager_name": "Anna Andersson", "project_manager_email": "anna@vardgivare.example",
            "it_service_owner_name": "Ivar Ek", "it_service_owner_email": "ivar.ek@vardgivare.example",
            "business_contact_name": "Berit Lund, verksamhetschef", "business_contact_email": "berit.lund@vardgivare.example",
            "system_name": system, "system_vendor": "Sectra AB", "operations_vendor": "Vårdgivaren AB IT-drift",
            "system_type": "PACS/RIS", "user_organisations": "Röntgen Skaraborg, Fysiologen Skövde", "user_count": "140",
            "availability": "Dygnet runt; akutröntgen behöver svar inom minuter.",
            "purpose": "Lagra och visa bilder och svar i BFR, så att andra vårdgivare i regionen når dem i sammanhållen journalföring.",
            "input_volumes": "Cirka 120 000 undersökningar/år, DICOM och HL7 ORU; 9 TB historik.",
            "historic_access_critical": "ja", "test_environment": risky ? "nej" : "ja", "pu_service": "ja",
            "pu_service_name": "Inera PU-tjänsten via VGR:s integrationsplattform",
            "reservnummer_handling": "Reservnummer enligt VGR:s format; byts mot personnummer vid ADT-uppdatering.",
            "manual_pnr_entry": risky ? "ja" : "nej", "id_merge": "nej", "connection_types": "dicom,hl7", "components": "lagring,informationsvisaren",
            "confidentiality_affirmed": "ja", "responsible_orderer_name": "Olle Larsson, OLIT",
            "responsible_orderer_email": "olle.larsson@vardgivare.example",
        ]) { _, order in order }
    }

    static func takeCare(system: String, employees: Int = 85, proposal: [Int] = [0, 3, 3, 2]) -> [String: String] {
        prioritisation(employees: employees, proposal: proposal).merging([
            "organisation": "Privatkliniken Syd AB", "organisation_id": "556677-8899",
            "contact_name": "Bo Berg", "contact_email": "bo@privatklinik.example",
            "area": "Labbsvar", "system_name": system, "system_vendor": "Journalsystem AB",
            "purpose": "Ta emot labbsvar i TakeCare direkt från vårt labbsystem i stället för på papper.",
            "signer_name": "Bo Berg", "signer_title": "Verksamhetschef", "signer_email": "bo@privatklinik.example",
            "signer_authorised": "ja",
        ]) { _, order in order }
    }

    /// The size and the described and proposed scores both platforms' orders ask for.
    private static func prioritisation(employees: Int, proposal: [Int]) -> [String: String] {
        [
            "provider_size": String(employees),
            "need_legal": proposal[0] > 0 ? "Patientdatalagen kräver att bilderna finns i sammanhållen journalföring." : "Inget lagkrav.",
            "need_patient_safety": "Svar kommer fram snabbare och utan manuell avskrift.",
            "need_business_value": "Sparar cirka 20 timmar i veckan för sekreterarna.",
            "need_information_security": "Papperssvar med personuppgifter försvinner ur flödet.",
            "proposal_legal": String(proposal[0]), "proposal_patient_safety": String(proposal[1]),
            "proposal_business_value": String(proposal[2]), "proposal_information_security": String(proposal[3]),
        ]
    }
}
