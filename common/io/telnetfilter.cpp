#include "telnetfilter.h"

namespace p1 {

namespace {

constexpr unsigned char kIac = 255;
constexpr unsigned char kDont = 254;
constexpr unsigned char kWill = 251;
constexpr unsigned char kSb = 250;
constexpr unsigned char kSe = 240;

} // namespace

QByteArray TelnetFilter::filter(const QByteArray &input)
{
    // The common case, a meter's plain text: nothing to copy.
    if (m_state == State::Data && !input.contains(char(kIac)))
        return input;

    QByteArray out;
    out.reserve(input.size());
    for (const char c : input) {
        const auto byte = static_cast<unsigned char>(c);
        switch (m_state) {
        case State::Data:
            if (byte == kIac)
                m_state = State::Command;
            else
                out.append(c);
            break;
        case State::Command:
            if (byte == kIac) {
                out.append(c); // IAC IAC: an escaped 0xFF data byte
                m_state = State::Data;
            } else if (byte >= kWill && byte <= kDont) {
                m_state = State::Option;
            } else if (byte == kSb) {
                m_state = State::Sub;
                m_subLength = 0;
            } else {
                m_state = State::Data; // a two-byte command: NOP, GA, AYT, ...
            }
            break;
        case State::Option:
            m_state = State::Data;
            break;
        case State::Sub:
            if (byte == kIac)
                m_state = State::SubCommand;
            else if (++m_subLength > kMaxSubnegotiation)
                m_state = State::Data;
            break;
        case State::SubCommand:
            // IAC SE ends it; IAC IAC is an escaped 0xFF inside it; anything else is malformed
            // and treated as still inside.
            m_state = byte == kSe ? State::Data : State::Sub;
            break;
        }
    }
    return out;
}

} // namespace p1
