/// A-ASSOCIATE-RQ (PS3.8 9.3.2): who calls whom, and the presentation contexts proposed.
public struct AssociateRequest: Sendable, Hashable {
    /// Called AE title, up to 16 characters; padding removed.
    public var calledAETitle: String
    /// Calling AE title, up to 16 characters; padding removed.
    public var callingAETitle: String
    /// Protocol version bit field; version 1 is `0x0001`.
    public var protocolVersion: UInt16
    /// Item 0x10; ``PDU/dicomApplicationContextName`` for DICOM.
    public var applicationContextName: String
    /// Items 0x20, in the order proposed.
    public var presentationContexts: [ProposedPresentationContext]
    /// Item 0x50.
    public var userInformation: UserInformation

    /// A request with protocol version 1 and the DICOM application context.
    public init(
        calledAETitle: String, callingAETitle: String, presentationContexts: [ProposedPresentationContext],
        userInformation: UserInformation, protocolVersion: UInt16 = 1,
        applicationContextName: String = PDU.dicomApplicationContextName
    ) {
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.protocolVersion = protocolVersion
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }
}

/// A-ASSOCIATE-AC (PS3.8 9.3.3): the answer to each proposed presentation context.
public struct AssociateAccept: Sendable, Hashable {
    /// Echoes the request's called AE title (PS3.8 asks for the same value; receivers must not test it).
    public var calledAETitle: String
    /// Echoes the request's calling AE title.
    public var callingAETitle: String
    /// Protocol version bit field; version 1 is `0x0001`.
    public var protocolVersion: UInt16
    /// Item 0x10.
    public var applicationContextName: String
    /// Items 0x21, one per proposed context.
    public var presentationContexts: [PresentationContextResult]
    /// Item 0x50.
    public var userInformation: UserInformation

    /// An accept with protocol version 1 and the DICOM application context.
    public init(
        calledAETitle: String, callingAETitle: String, presentationContexts: [PresentationContextResult],
        userInformation: UserInformation, protocolVersion: UInt16 = 1,
        applicationContextName: String = PDU.dicomApplicationContextName
    ) {
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.protocolVersion = protocolVersion
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }
}

/// Presentation context item 0x20: one abstract syntax (a SOP class) with the transfer syntaxes offered.
public struct ProposedPresentationContext: Sendable, Hashable {
    /// Odd, 1-255.
    public var id: UInt8
    /// Sub-item 0x30: the SOP class UID.
    public var abstractSyntax: String
    /// Sub-items 0x40, in order of preference.
    public var transferSyntaxes: [String]

    /// A proposed context.
    public init(id: UInt8, abstractSyntax: String, transferSyntaxes: [String]) {
        self.id = id
        self.abstractSyntax = abstractSyntax
        self.transferSyntaxes = transferSyntaxes
    }
}

/// Presentation context item 0x21: the answer to one proposed context.
public struct PresentationContextResult: Sendable, Hashable {
    /// The proposed context's ID.
    public var id: UInt8
    /// The result/reason byte.
    public var result: Result
    /// Sub-item 0x40: the one transfer syntax accepted; not significant unless `result` is `.acceptance`.
    public var transferSyntax: String

    /// An answer to one proposed context.
    public init(id: UInt8, result: Result, transferSyntax: String) {
        self.id = id
        self.result = result
        self.transferSyntax = transferSyntax
    }

    /// PS3.8 Table 9-18 (reference.md 9.3).
    public enum Result: UInt8, Sendable, Hashable {
        case acceptance = 0
        case userRejection = 1
        case noReason = 2
        case abstractSyntaxNotSupported = 3
        case transferSyntaxesNotSupported = 4
    }
}

/// User information item 0x50 (PS3.7 D.3.3): the sub-items this side reads, and the rest kept as they came.
public struct UserInformation: Sendable, Hashable {
    /// Sub-item 0x51: the largest P-DATA-TF variable field the sender can receive; `0` means no limit.
    public var maximumLength: UInt32?
    /// Sub-item 0x52.
    public var implementationClassUID: String?
    /// Sub-item 0x55, up to 16 characters.
    public var implementationVersionName: String?
    /// Other sub-items (0x53 asynchronous operations, 0x54 role selection, 0x56 extended negotiation,
    /// 0x58/0x59 user identity, …) as type and raw value, in the order received.
    public var otherSubItems: [SubItem]

    /// User information with these sub-items.
    public init(
        maximumLength: UInt32? = nil, implementationClassUID: String? = nil, implementationVersionName: String? = nil,
        otherSubItems: [SubItem] = []
    ) {
        self.maximumLength = maximumLength
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
        self.otherSubItems = otherSubItems
    }

    /// A sub-item this codec does not interpret.
    public struct SubItem: Sendable, Hashable {
        /// The item type byte.
        public var type: UInt8
        /// The item's value bytes.
        public var value: [UInt8]

        /// A sub-item of `type` holding `value`.
        public init(type: UInt8, value: [UInt8]) {
            self.type = type
            self.value = value
        }
    }
}
