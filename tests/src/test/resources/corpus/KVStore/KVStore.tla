------------------------------- MODULE KVStore ------------------------------
(* A versioned key-value store with client-side caches.  The store maps
   each key to a record [v, ver]; updates use EXCEPT on nested paths and @.
   A client cache is a partial function (its DOMAIN is the set of cached
   keys) grown with :> and @@.  Caches are never invalidated, so they may
   be stale (see the _violation config), but never newer than the store. *)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS Keys, Vals, Clients, Nil, MaxVer

ASSUME /\ Nil \notin Vals
       /\ MaxVer \in Nat

Entry == [v : Vals \cup {Nil}, ver : 0..MaxVer]

VARIABLES store, cache, stats

vars == <<store, cache, stats>>

\* all partial functions from Keys to Entry
PartialFns == UNION {[D -> Entry] : D \in SUBSET Keys}

TypeOK ==
  /\ store \in [Keys -> Entry]
  /\ cache \in [Clients -> PartialFns]
  /\ stats \in [puts : 0..(MaxVer * Cardinality(Keys)), hits : 0..2, misses : 0..2]

Init ==
  /\ store = [k \in Keys |-> [v |-> Nil, ver |-> 0]]
  /\ cache = [c \in Clients |-> <<>>]
  /\ stats = [puts |-> 0, hits |-> 0, misses |-> 0]

Put(k, x) ==
  /\ store[k].ver < MaxVer
  /\ store[k].v # x
  /\ store' = [store EXCEPT ![k].v = x, ![k].ver = @ + 1]
  /\ stats' = [stats EXCEPT !.puts = @ + 1]
  /\ UNCHANGED cache

Delete(k) ==
  /\ store[k].v # Nil
  /\ store[k].ver < MaxVer
  /\ store' = [store EXCEPT ![k] = [v |-> Nil, ver |-> @.ver + 1]]
  /\ stats' = [stats EXCEPT !.puts = @ + 1]
  /\ UNCHANGED cache

\* a read: served from the cache on a hit, fetched and cached on a miss
Get(c, k) ==
  IF k \in DOMAIN cache[c]
    THEN /\ stats' = [stats EXCEPT !.hits = (@ + 1) % 3]
         /\ UNCHANGED <<store, cache>>
    ELSE /\ cache' = [cache EXCEPT ![c] = (k :> store[k]) @@ @]
         /\ stats' = [stats EXCEPT !.misses = (@ + 1) % 3]
         /\ UNCHANGED store

\* drop one cached key: a function over a smaller domain
Forget(c, k) ==
  /\ k \in DOMAIN cache[c]
  /\ cache' = [cache EXCEPT ![c] = [j \in DOMAIN @ \ {k} |-> @[j]]]
  /\ UNCHANGED <<store, stats>>

\* copy a whole cache entry from one client to another, keeping the version
Share(c, d, k) ==
  /\ c # d
  /\ k \in DOMAIN cache[c]
  /\ cache' = [cache EXCEPT ![d] = @ @@ (k :> cache[c][k])]
  /\ UNCHANGED <<store, stats>>

Next ==
  \/ \E k \in Keys : \/ \E x \in Vals : Put(k, x)
                     \/ Delete(k)
  \/ \E c \in Clients, k \in Keys :
        \/ Get(c, k)
        \/ Forget(c, k)
        \/ \E d \in Clients : Share(c, d, k)

Spec == Init /\ [][Next]_vars

CacheNotNewer ==
  \A c \in Clients : \A k \in DOMAIN cache[c] : cache[c][k].ver <= store[k].ver

SameVersionSameValue ==
  \A c \in Clients : \A k \in DOMAIN cache[c] :
     cache[c][k].ver = store[k].ver => cache[c][k].v = store[k].v

\* wrong on purpose: caches are not invalidated
CacheFresh == \A c \in Clients : \A k \in DOMAIN cache[c] : cache[c][k] = store[k]
=============================================================================
