# One INTERFACE target that every target of the project links: the strict Qt defines,
# the warning set and (optionally) sanitizers live here and nowhere else.
add_library(p1_strict INTERFACE)
add_library(p1::strict ALIAS p1_strict)

target_compile_features(p1_strict INTERFACE cxx_std_20)
target_compile_definitions(p1_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
target_compile_options(p1_strict INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${P1_WERROR}>:-Werror>)

if(P1_SANITIZE)
    target_compile_options(p1_strict INTERFACE -fsanitize=${P1_SANITIZE} -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_link_options(p1_strict INTERFACE -fsanitize=${P1_SANITIZE})
endif()
