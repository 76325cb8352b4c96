def choice_labels(codes, choices) -> list[str]:
    """The labels of the codes an ArrayField of choices holds, in the order it holds them.

    Django gives an ArrayField no get_FOO_display(); a code no longer among the choices is
    shown as it is rather than dropped.
    """
    names = dict(choices)
    return [str(names.get(code, code)) for code in codes]
