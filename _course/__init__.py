"""Course machinery behind ``nn_helpers``: figures, widgets and their views, exercises.

Learners read ``nn_helpers.py``, the math; this package draws it, makes it
interactive and checks exercise answers.  Import it through ``nn_helpers``,
which re-exports what the lessons use.

Modules: ``validation`` (the argument checks of every public function),
``figures`` (one look for every plot), ``widgets`` (sliders and the live
figure), ``views`` (the function behind each lesson's widget), ``exercises``
(the checker) and ``answers`` (how each exercise's answer is computed, kept
apart from the code learners read).
"""

# nn_helpers first: the modules below import the math from it, and it imports them back.
import nn_helpers  # noqa: F401
