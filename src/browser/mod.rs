//! The only place that touches browser APIs beyond rendering: storage, files, embedding.
