---- MODULE Unicode ----
EXTENDS Naturals, Integers, Reals, Sequences
VARIABLES x, y
vars ≜ ⟨x, y⟩
Init ≜ x ∈ ℕ ∧ y ∈ ℤ
Sets ≜ ⟨ℕ ∪ ℤ, ℤ ∩ ℕ, ℕ ⊆ ℤ, {1} ⊂ ℕ, ℕ ⊇ {1}, ℕ ⊃ {1}, 1 ∉ {2}, ℕ × ℕ, ℝ⟩
Logic ≜ ∀ i ∈ 1‥3 : ∃ j ∈ 1‥3 : (i ≠ j ⇒ i ≤ j ∨ i ≥ j) ⇔ (¬(i = j) ≡ TRUE)
Fns ≜ [i ∈ 1‥3 ↦ i] ∈ [1‥3 → ℕ]
Next ≜ x′ = x + 1 ∧ y' = y
Spec ≜ Init ∧ □[Next]_vars ∧ ◇(x > 3) ∧ ⋄(x > 4) ∧ (x > 1 ↝ x > 2) ∧ WF_vars(Next)
Labelled ≜ lbl∷ x = 1
a ≔ b ≜ ⟨a, b⟩
a ⩴ b ≜ ⟨a, b⟩
a ⊣ b ≜ ⟨a, b⟩
a ⫤ b ≜ ⟨a, b⟩
a ‖ b ≜ ⟨a, b⟩
a ‼ b ≜ ⟨a, b⟩
a ⁇ b ≜ ⟨a, b⟩
a ⊢ b ≜ ⟨a, b⟩
a ⊨ b ≜ ⟨a, b⟩
a ⁺ ≜ ⟨a⟩
Ops ≜ ⟨1 ≔ 2, 1 ⩴ 2, 1 ⊣ 2, 1 ⫤ 2, 1 ‖ 2, 1 ‼ 2, 1 ⁇ 2, 1 ⊢ 2, 1 ⊨ 2, 1⁺, 1…2⟩
Rel ≜ ⟨1 ≈ 2, 1 ≍ 2, 1 ≅ 2, 1 ≐ 2, 1 ≫ 2, 1 ≪ 2, 1 ≺ 2, 1 ≻ 2, 1 ⪯ 2, 1 ⪰ 2, 1 ∝ 2, 1 ∼ 2,
        1 ≃ 2, 1 ⊏ 2, 1 ⊐ 2, 1 ⊑ 2, 1 ⊒ 2⟩
Arith ≜ ⟨1 ⊓ 2, 1 ⊔ 2, 1 ⊎ 2, 1 ≀ 2, 1 ⋅ 2, ⟨1⟩ ∘ ⟨2⟩, 1 ⋆ 2, 1 ⊕ 2, 1 ⊖ 2, 1 ⊙ 2, 1 ⊘ 2,
          1 ⊗ 2, 1 ÷ 2, 1 ◯ 2, 1 ● 2, {1} \ {2}⟩
Temporal ≜ ∀∀ z : ∃∃ w : □(z = w) ⇸ ◇(z = w)
Cases ≜ CASE x = 1 → 1 □ OTHER → 2
Subst ≜ INSTANCE Naturals
====
