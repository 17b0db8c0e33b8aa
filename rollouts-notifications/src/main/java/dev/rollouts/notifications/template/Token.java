package dev.rollouts.notifications.template;

/** One lexeme of a template, as Go's {@code text/template/parse} item types name them. */
record Token(Kind kind, String text, int offset) {

  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    LEFT_PAREN,
    RIGHT_PAREN,
    SPACE,
    IDENTIFIER,
    FIELD,
    VARIABLE,
    STRING,
    RAW_STRING,
    CHAR,
    NUMBER,
    BOOL,
    NIL,
    DOT,
    PIPE,
    DECLARE,
    ASSIGN,
    COMMA,
    IF,
    ELSE,
    END,
    RANGE,
    WITH,
    DEFINE,
    TEMPLATE,
    BLOCK,
    BREAK,
    CONTINUE,
    EOF
  }
}
