import Domain
import MultipartKit
import Vapor
import Workflow

/// A document upload form (`multipart/form-data`: short text fields and one part `file`) read as the body
/// arrives, so a file of many megabytes is never held whole: the text fields are kept, the file's bytes go
/// piece by piece into a `DocumentReceiver`. The body limit answers 413 before anything is read when the
/// declared length is over it, and as soon as the bytes pass it otherwise.
struct StreamedUploadForm {
    /// The text fields by name (`kind`, `csrf`); other names are read past.
    private(set) var fields: [String: String] = [:]
    /// The file, received; nil when the form had none.
    private(set) var file: DocumentReceiver?

    /// Fields that are not the file: a form token, a document kind. More than this is not one of ours.
    private static let fieldLimit = 4_096
    private static let fieldNames: Set<String> = ["kind", "csrf"]

    /// Reads the form. `beforeFile` runs when the file part begins, with the fields that came before it (the case
    /// page sends its form token first and checks it there, before taking in a byte of the file).
    static func read(
        _ req: Request, bodyLimit: Int, start: @escaping (_ fileName: String) async throws -> DocumentReceiver,
        beforeFile: @escaping ([String: String]) throws -> Void = { _ in }
    ) async throws -> StreamedUploadForm {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data" else {
            throw Abort(.unsupportedMediaType)
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty else { throw malformed }
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > bodyLimit {
            throw Abort(.payloadTooLarge)
        }
        var reading = Reading(start: start, beforeFile: beforeFile)
        do {
            let parser = MultipartParser(boundary: boundary)
            var events: [Event] = []
            parser.onHeader = { events.append(.header($0, $1)) }
            // `readBytes` copies in one go; iterating the buffer's view goes byte by byte.
            parser.onBody = { events.append(.body($0.readBytes(length: $0.readableBytes) ?? [])) }
            parser.onPartComplete = { events.append(.partComplete) }
            var received = 0
            for try await chunk in req.body {
                received += chunk.readableBytes
                guard received <= bodyLimit else { throw Abort(.payloadTooLarge) }
                do { try parser.execute(chunk) } catch { throw malformed }
                for event in events { try await reading.take(event) }
                events.removeAll(keepingCapacity: true)
            }
            return try reading.finished()
        } catch {
            reading.form.file?.discard()
            throw error
        }
    }

    private enum Event {
        case header(String, String)
        case body([UInt8])
        case partComplete
    }

    /// The state between the parser's events: the part being read and what it is.
    private struct Reading {
        let start: (String) async throws -> DocumentReceiver
        let beforeFile: ([String: String]) throws -> Void
        var form = StreamedUploadForm()
        var headers = HTTPHeaders()
        var part: Part?
        var fileComplete = false

        enum Part {
            case field(name: String, bytes: [UInt8])
            case file(DocumentReceiver)
            case ignored
        }

        mutating func take(_ event: Event) async throws {
            switch event {
            case .header(let name, let value):
                headers.add(name: name, value: value)
            case .body(let bytes):
                guard !bytes.isEmpty else { return }
                if part == nil { part = try await begin(hasBytes: true) }
                try await append(bytes)
            case .partComplete:
                if part == nil { part = try await begin(hasBytes: false) }
                if case .field(let name, let bytes) = part { form.fields[name] = String(decoding: bytes, as: UTF8.self) }
                if case .file = part { fileComplete = true }
                part = nil
                headers = HTTPHeaders()
            }
        }

        /// What the part whose headers came is; asked at its first byte, or at its end when it has none.
        private mutating func begin(hasBytes: Bool) async throws -> Part {
            guard let disposition = headers.contentDisposition, let name = disposition.name else { return .ignored }
            guard name == "file" else {
                return StreamedUploadForm.fieldNames.contains(name) ? .field(name: name, bytes: []) : .ignored
            }
            let fileName = disposition.filename ?? ""
            // A file input sent without a file and without a name: a browser does that when none was chosen.
            guard hasBytes || !fileName.isEmpty else { return .ignored }
            guard form.file == nil else { throw StreamedUploadForm.malformed }
            try beforeFile(form.fields)
            let receiver = try await start(fileName)
            form.file = receiver
            return .file(receiver)
        }

        private mutating func append(_ bytes: [UInt8]) async throws {
            switch part {
            case .field(let name, var text):
                text += bytes
                guard text.count <= StreamedUploadForm.fieldLimit else { throw StreamedUploadForm.malformed }
                part = .field(name: name, bytes: text)
            case .file(let receiver): try await receiver.receive(bytes)
            case .ignored, nil: break
            }
        }

        func finished() throws -> StreamedUploadForm {
            // A file part cut off before its boundary: the body ended early.
            if form.file != nil && !fileComplete { throw StreamedUploadForm.malformed }
            return form
        }
    }

    /// A body that does not parse as the form (no boundary, a part without headers, cut off): the sender's
    /// mistake, answered at the field like any other, never a 500.
    static var malformed: ValidationFailure {
        ValidationFailure([FieldError(
            field: "file", code: "malformed-upload",
            message: LocalizedText(
                sv: "Uppladdningen kunde inte läsas som ett formulär (multipart/form-data med fälten kind och file).",
                en: "The upload could not be read as a form (multipart/form-data with the fields kind and file)."))])
    }
}
