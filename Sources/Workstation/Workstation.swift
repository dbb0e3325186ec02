// The screens of the workstation; see AppState.swift.
