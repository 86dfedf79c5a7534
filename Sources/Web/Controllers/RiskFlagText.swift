import Domain

/// A risk flag as one line: the risk first, then the question whose answer raised it.
enum RiskFlagText {
    static func line(_ risk: (field: OrderForm.Field, text: LocalizedText), _ l: Domain.Language) -> String {
        "\(risk.text.text(in: l)) \(l("(frågan", "(the question")) \"\(risk.field.label.text(in: l))\")"
    }
}
