/*
 * Lexer of the TLA+ fragment finalspec parses. Junction lists (aligned bullets of the same
 * kind) are not recognised here: JunctionLexerBase rewrites the raw AND/OR tokens into the
 * synthetic JL_* tokens declared below, the way SANY tracks bullet columns.
 * Unicode forms are lexed to the same token types as their ASCII spellings.
 */
lexer grammar TlaLexer;

options { superClass = JunctionLexerBase; }

tokens { JL_OPEN_AND, JL_OPEN_OR, JL_BULLET_AND, JL_BULLET_OR, JL_CLOSE, WF, SF, UNTERMINATED_COMMENT }

@header {
import io.finalspec.codegen.lex.JunctionLexerBase;
}

// (* comments nest; JunctionLexerBase.blockComment() reads to the matching *) or reports an
// unterminated comment, as SANY does for "(* (* x *)" at the end of the file
BLOCK_COMMENT : '(*' { blockComment(); } ;
LINE_COMMENT  : '\\*' ~[\r\n]* -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;

END  : '====' '='* ;
SEP  : '----' '-'* ;

// keywords
ASSUME     : 'ASSUME' ;
ASSUMPTION : 'ASSUMPTION' | 'AXIOM' ;
BOOLEAN    : 'BOOLEAN' ;
CASE       : 'CASE' ;
CHOOSE     : 'CHOOSE' ;
CONSTANT   : 'CONSTANT' | 'CONSTANTS' ;
DOMAIN     : 'DOMAIN' ;
ELSE       : 'ELSE' ;
ENABLED    : 'ENABLED' ;
EXCEPT     : 'EXCEPT' ;
EXTENDS    : 'EXTENDS' ;
FALSE      : 'FALSE' ;
IF         : 'IF' ;
IN         : 'IN' ;
INSTANCE   : 'INSTANCE' ;
LAMBDA     : 'LAMBDA' ;
LET        : 'LET' ;
LOCAL      : 'LOCAL' ;
MODULE     : 'MODULE' ;
OTHER      : 'OTHER' ;
RECURSIVE  : 'RECURSIVE' ;
STRING_KW  : 'STRING' ;
SUBSET     : 'SUBSET' ;
THEN       : 'THEN' ;
THEOREM    : 'THEOREM' | 'LEMMA' | 'PROPOSITION' | 'COROLLARY' ;
TRUE       : 'TRUE' ;
UNCHANGED  : 'UNCHANGED' ;
UNION      : 'UNION' ;
VARIABLE   : 'VARIABLE' | 'VARIABLES' ;
WITH       : 'WITH' ;
// proofs (TLA+ 2)
PROOF      : 'PROOF' ;
OBVIOUS    : 'OBVIOUS' ;
OMITTED    : 'OMITTED' ;
BY         : 'BY' ;
ONLY       : 'ONLY' ;
DEF        : 'DEF' | 'DEFS' ;
USE        : 'USE' ;
HIDE       : 'HIDE' ;
PROVE      : 'PROVE' ;
NEW        : 'NEW' ;
STATE      : 'STATE' ;
ACTION     : 'ACTION' ;
TEMPORAL   : 'TEMPORAL' ;
QED        : 'QED' ;
SUFFICES   : 'SUFFICES' ;
PICK       : 'PICK' ;
HAVE       : 'HAVE' ;
TAKE       : 'TAKE' ;
WITNESS    : 'WITNESS' ;
DEFINE     : 'DEFINE' ;
// proof step labels: <1>2. starts a step, <1>2 names one (also <1> and <1>. alone), <*>, <+>
STEP_DOT   : '<' ( [0-9]+ | '*' | '+' ) '>' [A-Za-z0-9_]* '.'+ ;
STEP       : '<' ( [0-9]+ | '*' | '+' ) '>' [A-Za-z0-9_]* ;

// backslash words with a fixed role
FORALL     : '\\A' | '\\forall' | '\u2200' ;
EXISTS     : '\\E' | '\\exists' | '\u2203' ;
TFORALL    : '\\AA' | '\u2200\u2200' ;
TEXISTS    : '\\EE' | '\u2203\u2203' ;
AND        : '/\\' | '\\land' | '\u2227' ;
OR         : '\\/' | '\\lor' | '\u2228' ;
NOT        : '~' | '\\lnot' | '\\neg' | '\u00ac' ;
IN_OP      : '\\in' | '\u2208' ;
NOTIN      : '\\notin' | '\u2209' ;
TIMES      : '\\X' | '\\times' | '\u00d7' ;
// other backslash infix operators (\cup, \subseteq, \div, \o, ...), normalised by the builder
BS_INFIX   : '\\' ( 'cup' | 'union' | 'cap' | 'intersect' | 'subseteq' | 'subset' | 'supseteq' | 'supset'
                  | 'div' | 'o' | 'circ' | 'leq' | 'geq' | 'equiv' | 'approx' | 'asymp' | 'bigcirc' | 'bullet'
                  | 'cdot' | 'cong' | 'doteq' | 'gg' | 'll' | 'prec' | 'preceq' | 'propto' | 'sim' | 'simeq'
                  | 'sqcap' | 'sqcup' | 'sqsubset' | 'sqsupset' | 'sqsubseteq' | 'sqsupseteq' | 'star'
                  | 'succ' | 'succeq' | 'uplus' | 'wr' | 'oplus' | 'ominus' | 'otimes' | 'oslash' | 'odot' )
           | '\u222a' | '\u2229' | '\u2286' | '\u2282' | '\u2287' | '\u2283' | '\u2218' | '\u2264' | '\u2265'
           | '\u2261' | '\u21d4' | '\u2248' | '\u224d' | '\u25cb' | '\u2219' | '\u22c5' | '\u2245' | '\u2250'
           | '\u226b' | '\u226a' | '\u227a' | '\u2aaf' | '\u221d' | '\u223c' | '\u2243' | '\u2293' | '\u2294'
           | '\u228f' | '\u2290' | '\u2291' | '\u2292' | '\u22c6' | '\u227b' | '\u2ab0' | '\u228e' | '\u2240'
           | '\u2295' | '\u2296' | '\u2297' | '\u2298' | '\u2299' | '\u00f7' | '\u25ef' | '\u25cf'
           ;

// punctuation and symbolic operators (longest match decides)
DEFEQ      : '==' | '\u225c' ;
LANGLE     : '<<' | '\u27e8' ;
RANGLE_SUB : '>>_' | '\u27e9_' ;
RANGLE     : '>>' | '\u27e9' ;
RBRACK_SUB : ']_' ;
BOX        : '[]' | '\u25a1' ;
DIAMOND    : '<>' | '\u25c7' | '\u22c4' ;
COLONCOLON : '::' | '\u2237' ;
MAPSTO     : '|->' | '\u21a6' ;
ARROW      : '->' | '\u2192' ;
LARROW     : '<-' | '\u2190' ;
LEADSTO    : '~>' | '\u219d' ;
IMPLIES    : '=>' | '\u21d2' ;
EQUIV      : '<=>' ;
NEQ        : '#' | '/=' | '\u2260' ;
LEQ        : '<=' | '=<' ;
GEQ        : '>=' ;
COLONGT    : ':>' ;
ATAT       : '@@' ;
DOTDOT     : '..' | '\u2025' ;
DOTDOTDOT  : '...' | '\u2026' ;
MINUS_DOT  : '-.' ;
PLUS_ARROW : '-+->' | '\u21f8' ;
SYMBOL_OP  : '++' | '--' | '**' | '//' | '^^' | '%%' | '&&' | '$$' | '??' | '!!' | '||' | '|-' | '-|' | '|=' | '=|'
           | '::=' | ':=' | '<:' | '##' | '(+)' | '(-)' | '(.)' | '(/)' | '(\\X)' | '&' | '$' | '?' | '|'
           | '\u22a2' | '\u22a8' | '\u22a3' | '\u2ae4' | '\u2254' | '\u2a74' | '\u2016' | '\u203c' | '\u2047' ;
POSTFIX_OP : '^+' | '^*' | '^#' | '\u207a' ;
EQ         : '=' ;
LT         : '<' ;
GT         : '>' ;
PLUS       : '+' ;
MINUS      : '-' ;
STAR       : '*' ;
SLASH      : '/' ;
BACKSLASH  : '\\' | '\u2216' ;
PERCENT    : '%' ;
CARET      : '^' ;
LPAREN     : '(' ;
RPAREN     : ')' ;
LBRACK     : '[' ;
RBRACK     : ']' ;
LBRACE     : '{' ;
RBRACE     : '}' ;
COMMA      : ',' ;
COLON      : ':' ;
DOT        : '.' ;
BANG       : '!' ;
AT         : '@' ;
PRIME      : '\'' | '\u2032' ;
UNDERSCORE : '_' ;

NUMBER     : [0-9]+ | '\\' [bB] [01]+ | '\\' [oO] [0-7]+ | '\\' [hH] [0-9a-fA-F]+ ;
DECIMAL    : [0-9]+ '.' [0-9]+ ;
IDENT      : [A-Za-z0-9_]* [A-Za-z] [A-Za-z0-9_]* ;
// the standard sets written as letters: JunctionLexerBase turns them into the identifiers Nat, Int, Real
SET_LETTER : '\u2115' | '\u2124' | '\u211d' ;
STRING     : '"' ( '\\' [\\"ntrf] | ~["\\\r\n] )* '"' ;
BAD_STRING : '"' ( '\\' . | ~["\\\r\n] )* '"' ;

UNTERMINATED_STRING  : '"' ( '\\' . | ~["\\\r\n] )* ;
ERROR_CHAR : . ;
