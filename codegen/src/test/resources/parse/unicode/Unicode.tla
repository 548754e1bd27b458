---- MODULE Unicode ----
A ≜
  ∧ a ∈ S
  ∧ b ∉ T
  ∧ ¬c
B ≜
  ∨ ∀ x ∈ S : x ≤ 1
  ∨ ∃ y ∈ S : y ≥ 2 ⇒ y ≠ 3
C ≜ S ⊆ T ∪ (U ∩ V)
D ≜ [x ∈ S ↦ x] ∈ [S → T]
E ≜ ⟨1, 2⟩ ∈ S × T
F ≜ □[A]_⟨x⟩ ∧ ◇B
G ≜ a ≡ b
====
