/*
 * Parser of TLA+ (the language SANY parses, proofs included). Expressions are parsed flat
 * (operand (infix operand)*) and operator precedence and associativity are resolved afterwards by
 * parse.Precedence with the table of Specifying Systems (the one SANY uses), so precedence ranges
 * and conflicts can be reported the way SANY does. Junction lists arrive as JL_* tokens from
 * JunctionLexerBase. After a syntax error Frontend resumes at the next unit (moduleRest), so that
 * an error in one unit does not hide the errors of the next ones.
 */
parser grammar TlaParser;

options { tokenVocab = TlaLexer; }

module     : header unit* END ;
header     : SEP MODULE name=IDENT SEP extendsDecl? ;
extendsDecl: EXTENDS IDENT (COMMA IDENT)* ;

/** The rest of a module from a unit boundary: where Frontend resumes after a syntax error. */
moduleRest : unit* END ;

unit
  : VARIABLE IDENT (COMMA IDENT)*                                   # variableDecl
  | CONSTANT opDecl (COMMA opDecl)*                                 # constantDecl
  | RECURSIVE opDecl (COMMA opDecl)*                                # recursiveDecl
  | LOCAL? operatorDef                                              # operatorUnit
  | LOCAL? functionDef                                              # functionUnit
  | LOCAL? instance                                                 # instanceUnit
  | LOCAL? moduleDef                                                # moduleDefUnit
  | (ASSUME | ASSUMPTION) (IDENT DEFEQ)? expr                       # assumeUnit
  | THEOREM (IDENT DEFEQ)? (assumeProve | expr) proof?              # theoremUnit
  | (USE | HIDE) useBody                                            # useUnit
  | module                                                          # submoduleUnit
  | SEP                                                             # separatorUnit
  ;

// ---- proofs (parsed, then dropped from the AST: they never reach the code generator)

assumeProve : ASSUME assumption (COMMA assumption)* PROVE expr ;
assumption
  : newDecl                                                         # newAssumption
  | (IDENT COLONCOLON)? assumeProve                                 # nestedAssumption
  | expr                                                            # factAssumption
  ;
newDecl
  : NEW declKind? (IDENT IN_OP expr | opDecl)
  | declKind (IDENT IN_OP expr | opDecl)
  ;
declKind   : CONSTANT | VARIABLE | STATE | ACTION | TEMPORAL ;

/** A terminal proof, or steps (flat: Frontend checks their levels and QED steps). */
proof
  : leafProof                                                       # leafOnlyProof
  | PROOF? step+                                                    # stepListProof
  ;
terminalProof : BY ONLY? useBody | OBVIOUS | OMITTED ;
leafProof  : PROOF? terminalProof ;
useBody    : useItem (COMMA useItem)* (DEF defItem (COMMA defItem)*)?
           | DEF defItem (COMMA defItem)*
           ;
useItem    : MODULE IDENT | expr ;
defItem    : MODULE IDENT | opName (BANG opName)* ;

step       : PROOF? (STEP_DOT | STEP) stepBody ;
stepBody
  : (USE | HIDE) useBody                                            # useStep
  | DEFINE? stepDef+                                                # defineStep
  | instance                                                        # instanceStep
  | QED leafProof?                                              # qedStep
  | HAVE expr leafProof?                                        # haveStep
  | TAKE (bound (COMMA bound)* | IDENT (COMMA IDENT)*) leafProof?   # takeStep
  | WITNESS expr (COMMA expr)* leafProof?                       # witnessStep
  | PICK (bound (COMMA bound)* | IDENT (COMMA IDENT)*) COLON expr leafProof?   # pickStep
  | CASE expr leafProof?                                        # caseStep
  | SUFFICES? (assumeProve | expr) leafProof?                   # assertStep
  ;
stepDef    : operatorDef | functionDef | moduleDef ;

// ---- declarations and definitions

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

// ---- expressions

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
  | DECIMAL                                                         # decimal
  | STRING                                                          # string
  | (TRUE | FALSE)                                                  # bool
  | (BOOLEAN | STRING_KW)                                           # builtinSet
  | AT                                                              # at
  | STEP                                                            # stepName
  | IDENT (LPAREN IDENT (COMMA IDENT)* RPAREN)? COLONCOLON expr     # label
  | IDENT args? (BANG selector)+                                    # qualified
  | IDENT args?                                                     # name
  | nonfixSym args                                                  # nonfix
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
  | (WF | SF) fairnessSubscript LPAREN expr RPAREN                  # fairness
  | LAMBDA IDENT (COMMA IDENT)* COLON expr                          # lambda
  ;

/** One step of {@code M(x)!Op!1!<<}: a name (with arguments), or a subexpression selector. */
selector
  : IDENT args?                                                     # nameSelector
  | (prefixSym | infixSym | postfixSym) args?                       # symbolSelector
  | NUMBER                                                          # indexSelector
  | LANGLE                                                          # leftSelector
  | RANGLE                                                          # rightSelector
  | COLON                                                           # colonSelector
  | AT                                                              # atSelector
  | args                                                            # argsSelector
  ;

/** An operator symbol applied in prefix form: {@code +(a, b)}, {@code -.(a)}, {@code \o(s, t)}. */
nonfixSym  : MINUS_DOT | POSTFIX_OP | IMPLIES | EQUIV | LEADSTO | PLUS_ARROW | EQ | NEQ | LT | GT | LEQ
           | GEQ | IN_OP | NOTIN | PLUS | STAR | SLASH | BACKSLASH | PERCENT | CARET | DOTDOT | DOTDOTDOT
           | TIMES | BS_INFIX | SYMBOL_OP | COLONGT | ATAT ;
opName     : IDENT | prefixSym | infixSym | postfixSym ;
args       : LPAREN argument (COMMA argument)* RPAREN ;
argument   : expr | prefixSym | infixSym | postfixSym ;
/** SANY reads the subscript of [A]_v and <<A>>_v as a name, a tuple or a parenthesised expression. */
subscript  : IDENT | LANGLE (expr (COMMA expr)*)? RANGLE | LPAREN expr RPAREN ;
fairnessSubscript : IDENT args? | LANGLE (expr (COMMA expr)*)? RANGLE | LPAREN expr RPAREN ;
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
