import MLLP
import NIOConcurrencyHelpers
import NIOCore
import Testing

@Suite("MLLP server over real sockets", .timeLimit(.minutes(3)))
struct MLLPServerTests {
    @Test func concurrentConnectionsGetTheirAnswersInOrder() async throws {
        try await withMLLPServer(handler: EchoHandler(delay: .milliseconds(1))) { server async throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for connection in 0..<4 {
                    group.addTask {
                        try await withMLLPConnection(port: server.localPort) { client async throws in
                            let messages = (0..<50).map { "MSH|\(connection)-\($0)" }
                            for message in messages {
                                try await client.send(message)
                            }
                            for message in messages {
                                #expect(try await client.receive() == "ACK|\(message)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.statistics.frames == 200)
            #expect(server.statistics.answers == 200)
            #expect(server.statistics.acceptedConnections == 4)
        }
    }

    /// The flooding sender is held to one message at a time, so a second sender's message is answered
    /// while thousands of the flood's still wait.
    @Test func floodingConnectionDoesNotStarveAnother() async throws {
        // Fairness is measured in the flood's progress, not in seconds: in the full parallel suite on two cores a
        // round trip can take far longer than alone, but the single message must still overtake the flood.
        let floodCount = 600
        try await withMLLPServer(handler: EchoHandler(delay: .milliseconds(1))) { server async throws in
            let (floodStarted, floodStartedContinuation) = AsyncStream<Void>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await withMLLPConnection(port: server.localPort) { flood async throws in
                        let writer = flood.outbound
                        async let sent: Void = sendAll(floodCount, prefix: "flood-", through: writer)
                        for index in 0..<floodCount {
                            let answer = try await flood.receive()
                            #expect(answer == "ACK|flood-\(index)")
                            if index == 10 {
                                floodStartedContinuation.yield()
                            }
                        }
                        try await sent
                    }
                }
                var started = floodStarted.makeAsyncIterator()
                await started.next()
                let clock = ContinuousClock()
                let start = clock.now
                let answer = try await withMLLPConnection(port: server.localPort) { try await $0.exchange("single") }
                let elapsed = start.duration(to: clock.now)
                let handledMeanwhile = server.statistics.frames
                #expect(answer == "ACK|single")
                #expect(elapsed < .seconds(20))
                #expect(handledMeanwhile < floodCount / 2)
                try await group.waitForAll()
            }
            #expect(server.statistics.frames == floodCount + 1)
        }
    }

    @Test func emptyAnswerSendsNothingAndTheConnectionGoesOn() async throws {
        try await withMLLPServer(handler: EchoHandler()) { server async throws in
            try await withMLLPConnection(port: server.localPort) { client async throws in
                try await client.send(EchoHandler.unanswered)
                #expect(try await client.exchange("next") == "ACK|next")
            }
            #expect(server.statistics.frames == 2)
            #expect(server.statistics.answers == 1)
        }
    }

    @Test func senderThatHalfClosesStillGetsItsAnswers() async throws {
        try await withMLLPServer(handler: EchoHandler(delay: .milliseconds(50))) { server async throws in
            try await withMLLPConnection(port: server.localPort, halfClosure: true) { client async throws in
                try await client.send("first")
                try await client.send("last")
                client.outbound.finish()
                #expect(try await client.receive() == "ACK|first")
                #expect(try await client.receive() == "ACK|last")
                #expect(try await client.receive() == nil)
            }
        }
    }

    @Test func idleConnectionIsClosed() async throws {
        let configuration = MLLPConfiguration(idleTimeout: .milliseconds(200))
        try await withMLLPServer(handler: EchoHandler(), configuration: configuration) { server async throws in
            let clock = ContinuousClock()
            let start = clock.now
            let answer = try await withMLLPConnection(port: server.localPort) { try await $0.receive() }
            #expect(answer == nil)
            #expect(start.duration(to: clock.now) < .seconds(30))
            #expect(server.statistics.idleCloses == 1)
        }
    }

    /// The idle clock runs from the connect, so the timeout leaves the message ample time to arrive
    /// even on a loaded machine, and the handler takes more than twice as long.
    @Test func slowHandlerIsNotMistakenForIdleness() async throws {
        // The idle clock runs from the connect until the message arrives, which on a loaded machine running the
        // whole suite took over three seconds: the timeout leaves room for that, and the handler takes well past it.
        let configuration = MLLPConfiguration(idleTimeout: .seconds(8))
        try await withMLLPServer(handler: EchoHandler(delay: .milliseconds(12_000)), configuration: configuration) { server async throws in
            let answer = try await withMLLPConnection(port: server.localPort) { try await $0.exchange("slow") }
            #expect(answer == "ACK|slow")
        }
    }

    @Test func shutdownLetsTheMessageInFlightBeAnswered() async throws {
        let handler = GatedHandler()
        let server = try await MLLPServer.start(host: "127.0.0.1", port: 0, handler: handler)
        try await withMLLPConnection(port: server.localPort) { client async throws in
            try await client.send("in-flight")
            var arrivals = handler.arrivals.makeAsyncIterator()
            #expect(await arrivals.next() == "in-flight")
            async let stopped: Void = server.shutdown()
            try await Task.sleep(for: .milliseconds(100))
            handler.open()
            #expect(try await client.receive() == "ACK|in-flight")
            #expect(try await client.receive() == nil)
            await stopped
        }
        await #expect(throws: (any Error).self) {
            try await withMLLPConnection(port: server.localPort) { try await $0.exchange("late") }
        }
    }

    @Test func shutdownClosesAConnectionStuckPastTheGracePeriod() async throws {
        let handler = GatedHandler()
        let configuration = MLLPConfiguration(shutdownGracePeriod: .milliseconds(200))
        let server = try await MLLPServer.start(host: "127.0.0.1", port: 0, configuration: configuration, handler: handler)
        try await withMLLPConnection(port: server.localPort) { client async throws in
            try await client.send("stuck")
            var arrivals = handler.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
            let clock = ContinuousClock()
            let start = clock.now
            await server.shutdown()
            #expect(start.duration(to: clock.now) < .seconds(30))
            #expect(try await client.receive() == nil)
        }
        handler.open()
    }

    @Test func oversizeFrameIsAnsweredThenTheConnectionCloses() async throws {
        let configuration = MLLPConfiguration(maximumFrameBytes: 1_000)
        try await withMLLPServer(handler: EchoHandler(), configuration: configuration) { server async throws in
            let message = "MSH|" + String(repeating: "A", count: 4_996)
            try await withMLLPConnection(port: server.localPort) { client async throws in
                #expect(try await client.exchange(message) == "AR|5000|MSH|")
                #expect(try await client.receive() == nil)
            }
            #expect(server.statistics.oversizeFrames == 1)
            #expect(server.statistics.frames == 0)
        }
    }

    @Test func connectionsBeyondTheMaximumAreRefused() async throws {
        let configuration = MLLPConfiguration(maximumConnections: 2)
        try await withMLLPServer(handler: EchoHandler(), configuration: configuration) { server async throws in
            try await withMLLPConnection(port: server.localPort) { first async throws in
                try await withMLLPConnection(port: server.localPort) { second async throws in
                    #expect(try await first.exchange("1") == "ACK|1")
                    #expect(try await second.exchange("2") == "ACK|2")
                    // Sends nothing: writing to a socket that the server closes unread would end in a reset.
                    let third = try await withMLLPConnection(port: server.localPort) { try await $0.receive() }
                    #expect(third == nil)
                }
            }
            #expect(server.statistics.refusedConnections == 1)
            #expect(server.statistics.acceptedConnections == 2)
        }
    }

    @Test func handlerNeverRunsOnAnEventLoop() async throws {
        let handler = ThreadRecordingHandler()
        let configuration = MLLPConfiguration(maximumFrameBytes: 100)
        try await withMLLPServer(handler: handler, configuration: configuration) { server async throws in
            try await withMLLPConnection(port: server.localPort) { client async throws in
                for index in 0..<20 {
                    #expect(try await client.exchange("MSH|\(index)") == "ACK")
                }
                #expect(try await client.exchange(String(repeating: "X", count: 200)) == "AR")
            }
        }
        #expect(handler.calls.count == 21)
        #expect(handler.calls.allSatisfy { !$0 })
    }

    @Test func childChannelInitializerRunsFirstOnEveryConnection() async throws {
        let initialized = NIOLockedValueBox(0)
        let configuration = MLLPConfiguration(childChannelInitializer: { channel in
            initialized.withLockedValue { $0 += 1 }
            return channel.eventLoop.makeSucceededVoidFuture()
        })
        try await withMLLPServer(handler: EchoHandler(), configuration: configuration) { server async throws in
            for index in 0..<3 {
                let answer = try await withMLLPConnection(port: server.localPort) { try await $0.exchange("\(index)") }
                #expect(answer == "ACK|\(index)")
            }
        }
        #expect(initialized.withLockedValue { $0 } == 3)
    }
}

private func sendAll(_ count: Int, prefix: String, through writer: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
    for index in 0..<count {
        try await writer.write(ByteBuffer(string: "\(prefix)\(index)"))
    }
}
