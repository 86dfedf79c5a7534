import DICOM

/// Answers each proposed presentation context (PS3.8 9.3.3.2; reference.md 9.3): accepted with one transfer
/// syntax, or rejected with the reason. Pure, so the rules are tested without sockets.
enum PresentationContextNegotiation {
    struct Outcome {
        /// One result per proposed context, in the order proposed, for A-ASSOCIATE-AC.
        let results: [PresentationContextResult]
        /// The accepted contexts by ID, which PDVs name.
        let accepted: [UInt8: AcceptedPresentationContext]
    }

    /// The transfer syntax accepted is the first one the sender proposed that the listener takes: senders
    /// list their objects' own encoding first, so taking it spares them a conversion.
    static func negotiate(
        _ proposed: [ProposedPresentationContext], abstractSyntaxes: Set<String>, transferSyntaxes: Set<String>
    ) -> Outcome {
        var results: [PresentationContextResult] = []
        var accepted: [UInt8: AcceptedPresentationContext] = [:]
        for context in proposed {
            // A rejected context's transfer syntax "shall not be tested" (PS3.8 9.3.3.2); echoing a proposed
            // one keeps strict decoders that refuse an empty UID content.
            let echoed = context.transferSyntaxes.first ?? ""
            // IDs are odd (PS3.8 9.3.2.2) and name one context each; a broken one gets the provider's
            // rejection instead of sinking the whole association.
            guard context.id % 2 == 1, accepted[context.id] == nil,
                !results.contains(where: { $0.id == context.id })
            else {
                results.append(PresentationContextResult(id: context.id, result: .noReason, transferSyntax: echoed))
                continue
            }
            guard abstractSyntaxes.contains(context.abstractSyntax) else {
                results.append(
                    PresentationContextResult(id: context.id, result: .abstractSyntaxNotSupported, transferSyntax: echoed))
                continue
            }
            guard let syntax = context.transferSyntaxes.first(where: transferSyntaxes.contains) else {
                results.append(
                    PresentationContextResult(id: context.id, result: .transferSyntaxesNotSupported, transferSyntax: echoed))
                continue
            }
            results.append(PresentationContextResult(id: context.id, result: .acceptance, transferSyntax: syntax))
            accepted[context.id] = AcceptedPresentationContext(
                id: context.id, abstractSyntax: context.abstractSyntax, transferSyntax: syntax)
        }
        return Outcome(results: results, accepted: accepted)
    }
}
