/*
 * Parser of the TLA+ fragment. Expressions are parsed flat (operand (infix operand)*) and
 * operator precedence and associativity are resolved afterwards by parse.Precedence with the
 * table of Specifying Systems (the one SANY uses), so precedence ranges and conflicts can be
 * reported the way SANY does. Junction lists arrive as JL_* tokens from JunctionLexerBase.
 */
parser grammar TlaParser;

options { tokenVocab = TlaLexer; }

module     : SEP MODULE name=IDENT SEP extendsDecl? unit* END ;
extendsDecl: EXTENDS IDENT (COMMA IDENT)* ;

unit
  : VARIABLE IDENT (COMMA IDENT)*                                   # variableDecl
  | CONSTANT opDecl (COMMA opDecl)*                                 # constantDecl
  | RECURSIVE opDecl (COMMA opDecl)*                                # recursiveDecl
  | LOCAL? operatorDef                                              # operatorUnit
  | LOCAL? functionDef                                              # functionUnit
  | LOCAL? instance                                                 # instanceUnit
  | LOCAL? moduleDef                                                # moduleDefUnit
  | ASSUME (IDENT DEFEQ)? expr                                      # assumeUnit
  | THEOREM (IDENT DEFEQ)? expr PROOF_BLOCK?                        # theoremUnit
  | PROOF_BLOCK                                                     # proofUnit
  | module                                                          # submoduleUnit
  | SEP                                                             # separatorUnit
  ;


opDecl
  : IDENT                                                           # plainDecl
  | IDENT LPAREN UNDERSCORE (COMMA UNDERSCORE)* RPAREN              # higherDecl
  | prefixSym UNDERSCORE                                            # prefixDecl
  | UNDERSCORE infixSym UNDERSCORE                                  # infixDecl
  | UNDERSCORE postfixSym                                           # postfixDecl
  ;

operatorDef : lhs DEFEQ expr ;
lhs
  : IDENT (LPAREN opDecl (COMMA opDecl)* RPAREN)?                   # namedLhs
  | prefixSym IDENT                                                 # prefixLhs
  | IDENT infixSym IDENT                                            # infixLhs
  | IDENT postfixSym                                                # postfixLhs
  ;
functionDef : IDENT LBRACK bound (COMMA bound)* RBRACK DEFEQ expr ;
instance    : INSTANCE IDENT (WITH substitution (COMMA substitution)*)? ;
substitution: (IDENT | prefixSym | infixSym | postfixSym) LARROW argument ;
moduleDef   : IDENT (LPAREN opDecl (COMMA opDecl)* RPAREN)? DEFEQ instance ;

bound      : (IDENT (COMMA IDENT)* | tupleIds) IN_OP expr ;
tupleIds   : LANGLE IDENT (COMMA IDENT)* RANGLE ;

expr       : operand (infixOp operand)* ;
operand    : prefixOp* primary postfix* ;

postfix
  : LBRACK expr (COMMA expr)* RBRACK                                # applyPostfix
  | DOT fieldName                                                   # selectPostfix
  | PRIME                                                           # primePostfix
  | POSTFIX_OP                                                      # opPostfix
  ;

primary
  : NUMBER                                                          # number
  | STRING                                                          # string
  | (TRUE | FALSE)                                                  # bool
  | (BOOLEAN | STRING_KW)                                           # builtinSet
  | AT                                                              # at
  | instanceStep (BANG instanceStep)* BANG opName args?             # qualified
  | IDENT args?                                                     # name
  | LPAREN expr RPAREN                                              # paren
  | JL_OPEN_AND expr (JL_BULLET_AND expr)* JL_CLOSE                 # andList
  | JL_OPEN_OR expr (JL_BULLET_OR expr)* JL_CLOSE                   # orList
  | LBRACE (IDENT | tupleIds) IN_OP expr COLON expr RBRACE          # setFilter
  | LBRACE expr COLON bound (COMMA bound)* RBRACE                   # setMap
  | LBRACE (expr (COMMA expr)*)? RBRACE                             # setEnum
  | LANGLE expr RANGLE_SUB subscript                                # angleAction
  | LANGLE (expr (COMMA expr)*)? RANGLE                             # tuple
  | LBRACK expr RBRACK_SUB subscript                                # boxAction
  | LBRACK bound (COMMA bound)* MAPSTO expr RBRACK                   # fnConstruct
  | LBRACK fieldName MAPSTO expr (COMMA fieldName MAPSTO expr)* RBRACK   # record
  | LBRACK fieldName COLON expr (COMMA fieldName COLON expr)* RBRACK     # recordSet
  | LBRACK expr ARROW expr RBRACK                                   # fnSet
  | LBRACK expr EXCEPT exceptClause (COMMA exceptClause)* RBRACK    # except
  | (FORALL | EXISTS) bound (COMMA bound)* COLON expr               # boundedQuant
  | (FORALL | EXISTS | TFORALL | TEXISTS) IDENT (COMMA IDENT)* COLON expr   # unboundedQuant
  | CHOOSE (IDENT | tupleIds) (IN_OP expr)? COLON expr              # choose
  | IF expr THEN expr ELSE expr                                     # ifThenElse
  | CASE caseArm (BOX caseArm)* (BOX OTHER ARROW expr)?             # caseExpr
  | LET letDef+ IN expr                                             # letIn
  | (WF | SF) subscript LPAREN expr RPAREN                           # fairness
  | LAMBDA IDENT (COMMA IDENT)* COLON expr                          # lambda
  ;

instanceStep : IDENT args? ;
opName     : IDENT | prefixSym | infixSym | postfixSym ;
args       : LPAREN argument (COMMA argument)* RPAREN ;
argument   : expr | prefixSym | infixSym | postfixSym ;
subscript  : IDENT | LANGLE (expr (COMMA expr)*)? RANGLE | LPAREN expr RPAREN ;
fieldName  : IDENT | STRING ;
caseArm    : expr ARROW expr ;
exceptClause : BANG exceptStep+ EQ expr ;
exceptStep
  : DOT fieldName                                                   # fieldStep
  | LBRACK expr (COMMA expr)* RBRACK                                # indexStep
  ;
letDef     : operatorDef | functionDef | RECURSIVE opDecl (COMMA opDecl)* | moduleDef ;

prefixOp   : NOT | MINUS | BOX | DIAMOND | DOMAIN | SUBSET | UNION | ENABLED | UNCHANGED ;
prefixSym  : NOT | MINUS_DOT | BOX | DIAMOND | DOMAIN | SUBSET | UNION | ENABLED | UNCHANGED ;
postfixSym : POSTFIX_OP | PRIME ;
infixOp
  : AND | OR | IMPLIES | EQUIV | LEADSTO | PLUS_ARROW | EQ | NEQ | LT | GT | LEQ | GEQ | IN_OP | NOTIN
  | PLUS | MINUS | STAR | SLASH | BACKSLASH | PERCENT | CARET | DOTDOT | DOTDOTDOT | TIMES | BS_INFIX
  | SYMBOL_OP | COLONGT | ATAT
  ;
infixSym   : infixOp ;
