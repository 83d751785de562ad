#pragma once

#include <QByteArray>

#include <cstdint>

namespace p1 {

/// Removes telnet commands (RFC 854) from a byte stream, statefully across reads.
///
/// ser2net and several WiFi P1 dongles speak telnet: they open with option negotiation
/// (IAC WILL/DO x) and may send more commands at any time. What is removed:
/// - IAC WILL/WONT/DO/DONT x (three bytes);
/// - IAC SB ... IAC SE (sub-negotiation; an IAC IAC inside it is part of it);
/// - IAC x for any other command x (NOP, GA, AYT...).
/// IAC IAC is an escaped 0xFF data byte and comes out as one 0xFF.
///
/// Nothing is answered: ser2net works without replies and the P1 line must never be written.
/// A sub-negotiation without its IAC SE is given up after kMaxSubnegotiation bytes, so a stray
/// IAC SB cannot swallow the meter's telegrams for good.
class TelnetFilter
{
public:
    static constexpr int kMaxSubnegotiation = 256;

    /// Returns the data bytes of \a input. Shares \a input's buffer when it holds no command.
    [[nodiscard]] QByteArray filter(const QByteArray &input);
    /// Forgets a command cut at the end of the last read (new connection).
    void reset() noexcept
    {
        m_state = State::Data;
        m_subLength = 0;
    }

private:
    enum class State : std::uint8_t
    {
        Data,
        Command, ///< after IAC
        Option, ///< after IAC WILL/WONT/DO/DONT
        Sub, ///< inside IAC SB ...
        SubCommand, ///< IAC inside a sub-negotiation
    };

    State m_state = State::Data;
    int m_subLength = 0;
};

} // namespace p1
